package present

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// imports lists the packages the non-test files of the folder dir import.
func imports(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			out[path] = filepath.Base(name)
		}
	}
	return out
}

// TestPackageBoundaries holds the split of sheets to its rules: the
// presentation model is pure Go (no excelize, no file system), the press
// CSV never needs excelize, and the root package imports none of the
// packages built on it (which import it).
func TestPackageBoundaries(t *testing.T) {
	const module = "github.com/podium-dev/podium/"
	for path, file := range imports(t, ".") {
		if strings.Contains(path, ".") && !strings.HasPrefix(path, module) || path == "os" || path == "io/fs" || path == "path/filepath" ||
			strings.HasPrefix(path, module) && path != module+"scoring" {
			t.Errorf("present/%s imports %s: the model imports only the standard library (no files) and scoring", file, path)
		}
	}
	for path, file := range imports(t, "../press") {
		if strings.Contains(path, "excelize") {
			t.Errorf("press/%s imports %s", file, path)
		}
	}
	for path, file := range imports(t, "..") {
		for _, sub := range []string{"press", "standings", "outputs"} {
			if path == module+"sheets/"+sub {
				t.Errorf("sheets/%s imports %s, which imports sheets", file, path)
			}
		}
	}
}
