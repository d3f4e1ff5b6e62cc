package templates

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestContractNeedsNoExcelize: package templates, the workbook contract, and
// everything it imports build without excelize, so that any package can use
// the contract without linking the spreadsheet library. The generator that
// needs excelize lives in templates/workbook.
func TestContractNeedsNoExcelize(t *testing.T) {
	// go test puts its own go command first on PATH.
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	var offenders []string
	for line := range strings.Lines(string(out)) {
		pkg, imports, _ := strings.Cut(strings.TrimSpace(line), " ")
		if slices.ContainsFunc(strings.Fields(imports), isExcelize) {
			offenders = append(offenders, pkg)
		}
	}
	if len(offenders) > 0 {
		t.Errorf("package templates depends on excelize, imported by %s; keep the contract free of it and put workbook code in templates/workbook", strings.Join(offenders, ", "))
	}
}

func isExcelize(path string) bool { return strings.HasPrefix(path, "github.com/xuri/excelize") }
