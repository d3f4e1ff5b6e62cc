//go:build !unix

package testkit

import "time"

// CPUTime is not measured here: cpu-ms/op reads 0.
func CPUTime() time.Duration { return 0 }
