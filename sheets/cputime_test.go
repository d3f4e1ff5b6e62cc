package sheets

import "github.com/podium-dev/podium/internal/testkit"

// cpuTime is the CPU time the process has used (testkit.CPUTime).
var cpuTime = testkit.CPUTime
