package writeback

import (
	"testing"

	"github.com/podium-dev/podium/internal/testkit"
)

// almsPath is the sample season the write-back tests start from.
const almsPath = "../../samples/alms-2019-20.xlsx"

// The write-back helpers of sheets/internal/testkit, named as the tests
// here use them.
var (
	rezip         = testkit.Rezip
	partOf        = testkit.PartOf
	reorderSheets = testkit.ReorderSheets
)

// zipPart is a part to add to a package.
type zipPart = testkit.ZipPart

// organiserWorkbook is the ALMS season with what an organiser adds (see
// testkit.OrganiserWorkbook).
func organiserWorkbook(t *testing.T) string { return testkit.OrganiserWorkbook(t, almsPath) }
