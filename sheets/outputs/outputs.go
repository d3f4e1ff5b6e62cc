// Package outputs plans what one run of podium reads and writes — the
// season workbook, its backup, a standings workbook, the press pack as
// files or a zip, a new template, a web site — and checks the plan before anything is
// written: no output over an input or over another output, and no file
// replaced that podium did not write unless asked.
//
// It imports the standard library, sheets (file errors, safe writing's
// read-only test), sheets/press (recognising a press pack, its manifest's
// name), sheets/standings (recognising a standings workbook) and
// sheets/site (recognising a site podium published).
package outputs

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/podium-dev/podium/sheets/noticeboard"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/press"
	"github.com/podium-dev/podium/sheets/site"
	"github.com/podium-dev/podium/sheets/standings"
	"github.com/podium-dev/podium/sheets/wikitext"
)

// OutputKind says what a run writes at a place, and so when a file already
// there may be replaced.
type OutputKind int

// Kinds of output.
const (
	// InPlace is the season workbook written back (score, import): it is
	// also what the run reads, and must be writable.
	InPlace OutputKind = iota + 1
	// Backup is the copy of the previous workbook, replaced on every run.
	Backup
	// StandingsFile is a standalone standings workbook (--out): a file
	// there is replaced only when podium wrote it, or with Force.
	StandingsFile
	// PressZip is the press pack as one zip (--zip): a file there is
	// replaced only when podium wrote it, or with Force.
	PressZip
	// PressFolder is the folder of the press CSV files (--csv); the names
	// written into it are Place.Files.
	PressFolder
	// NewFile is a file podium creates (template): a file there is
	// replaced only with Force.
	NewFile
	// SiteFolder is the folder of a static web site (publish --html),
	// replaced as a whole: it may be missing, empty, or a site podium
	// published (site.CheckDir), whatever Force says; no other place of
	// the run may be inside it.
	SiteFolder
	// WikitextFile is the standings as wikitext (publish --wikitext): a
	// file there is replaced only when podium wrote it, or with Force.
	WikitextFile
	// NoticeBoardPDF is the notice-board document (publish --pdf): a file
	// there is replaced only when podium wrote it, or with Force.
	NoticeBoardPDF
)

// Place is a file or folder that a run reads or writes, with the words
// that named it on the command line.
type Place struct {
	// Name is the flag or argument that gave the path: "--zip", "the
	// season workbook". Messages show it before the path.
	Name string
	Path string
	// Kind is what is written there; 0 for an input.
	Kind OutputKind
	// Files are the names written into a PressFolder.
	Files []string
	// in is the file's name inside a PressFolder (for messages).
	in string
}

func (p Place) label() string {
	if p.in != "" {
		return fmt.Sprintf("%s %s (its %s)", p.Name, filepath.Dir(p.Path), p.in)
	}
	return p.Name + " " + p.Path
}

// OutputPlan is what one run reads and writes, checked before anything is
// written.
type OutputPlan struct {
	Inputs  []Place
	Outputs []Place
	// Force lets StandingsFile, PressZip and NewFile outputs replace a file
	// that podium did not write.
	Force bool
}

// PlanError is a plan refused: two places of a run that are one file, or
// an output that may not be replaced. Nothing has been written.
type PlanError struct{ Msg string }

func (e *PlanError) Error() string { return e.Msg }

// Check refuses a run that would write over what it reads or write two of
// its outputs into one file, before anything is written. Places are the
// same file when their cleaned absolute paths are, once symbolic links are
// resolved (also for a file not yet written: its folder's links are), when
// os.SameFile says so for existing files (hard links), and on the
// case-insensitive file systems of Windows and macOS when they differ only
// in case. A --csv folder may hold an input as long as no file written
// there has its name. Existing outputs must be files (folders for
// PressFolder), writable, and, for StandingsFile, PressZip and NewFile,
// written by podium or replaced with Force.
func (p OutputPlan) Check() error {
	var outs []Place
	for _, o := range p.Outputs {
		if o.Path == "" {
			continue
		}
		outs = append(outs, o)
		if o.Kind != PressFolder {
			continue
		}
		for _, name := range append(slices.Clone(o.Files), press.Manifest) {
			outs = append(outs, Place{Name: o.Name, Path: filepath.Join(o.Path, name), Kind: o.Kind, in: name})
		}
	}
	files := fileIDs{}
	for i, o := range outs {
		for _, in := range p.Inputs {
			if in.Path == "" || o.Kind == InPlace && in.Name == o.Name {
				continue
			}
			if files.same(o.Path, in.Path) {
				also := ""
				if filepath.Clean(o.Path) != filepath.Clean(in.Path) {
					also = " (" + in.Path + ")"
				}
				return &PlanError{fmt.Sprintf("%s is %s itself%s; give another name: podium never writes over a file it reads", o.label(), in.Name, also)}
			}
		}
		for _, earlier := range outs[:i] {
			if files.same(o.Path, earlier.Path) {
				return &PlanError{fmt.Sprintf("%s and %s are the same file; give each its own name: one would replace the other", earlier.label(), o.label())}
			}
		}
	}
	if err := p.checkInsideSites(outs, files); err != nil {
		return err
	}
	for _, o := range outs {
		if err := p.replaceable(o); err != nil {
			return err
		}
	}
	return nil
}

// replaceable checks what is at an output's path now.
func (p OutputPlan) replaceable(o Place) error {
	info, err := os.Stat(o.Path)
	if err != nil {
		return nil // nothing there (a dangling link is refused when written)
	}
	if o.Kind == SiteFolder {
		if !info.IsDir() {
			return &PlanError{fmt.Sprintf("%s is a file; give a folder for the web pages", o.label())}
		}
		return site.CheckDir(o.Path)
	}
	if o.Kind == PressFolder && o.in == "" {
		if !info.IsDir() {
			return &PlanError{fmt.Sprintf("%s is a file; give a folder for the CSV files", o.label())}
		}
		return nil
	}
	if info.IsDir() && o.in != "" {
		return &PlanError{fmt.Sprintf("%s is a folder; rename or remove it, or give another folder for the CSV files", o.label())}
	}
	if info.IsDir() {
		what := "file"
		switch o.Kind {
		case StandingsFile, InPlace, NewFile:
			what = ".xlsx file"
		case PressZip:
			what = "zip file"
		case WikitextFile:
			what = "wikitext file"
		case NoticeBoardPDF:
			what = "PDF file"
		}
		return &PlanError{fmt.Sprintf("%s is a folder; give the name of the %s to write", o.label(), what)}
	}
	if ooxml.IsReadOnly(info) {
		hint := "make it writable (its Properties, or chmod u+w), or give another name"
		if o.Kind == InPlace {
			hint = "podium has not changed it; make it writable (its Properties, or chmod u+w) and run podium again"
		}
		return &ooxml.FileError{Path: o.Path, Err: ooxml.ErrReadOnly, Hint: hint}
	}
	if p.Force {
		return nil
	}
	switch o.Kind {
	case StandingsFile:
		if data, err := os.ReadFile(o.Path); err != nil || !standings.IsStandingsWorkbook(data) {
			return &PlanError{fmt.Sprintf("%s exists and is not a standings workbook written by podium; give another name, or add --force to replace it", o.label())}
		}
	case PressZip:
		if !press.IsPressZip(o.Path) {
			return &PlanError{fmt.Sprintf("%s exists and is not a press pack written by podium; give another name, or add --force to replace it", o.label())}
		}
	case WikitextFile:
		if data, err := os.ReadFile(o.Path); err != nil || !wikitext.IsWikitext(data) {
			return &PlanError{fmt.Sprintf("%s exists and is not a wikitext file written by podium; give another name, or add --force to replace it", o.label())}
		}
	case NoticeBoardPDF:
		if data, err := os.ReadFile(o.Path); err != nil || !noticeboard.IsNoticeBoard(data) {
			return &PlanError{fmt.Sprintf("%s exists and is not a notice-board document written by podium; give another name, or add --force to replace it", o.label())}
		}
	case NewFile:
		return &ooxml.FileError{Path: o.Path, Err: ooxml.ErrExists, Hint: ooxml.HintExists}
	}
	return nil
}

// checkInsideSites refuses an input or another output inside a site's
// folder: the folder is replaced as a whole.
func (p OutputPlan) checkInsideSites(outs []Place, files fileIDs) error {
	for _, s := range outs {
		if s.Kind != SiteFolder {
			continue
		}
		for _, o := range append(slices.Clone(p.Inputs), outs...) {
			if o.Path == "" || o.Name == s.Name && o.Path == s.Path {
				continue
			}
			if within(files.of(o.Path).key, files.of(s.Path).key) {
				return &PlanError{fmt.Sprintf("%s is inside %s, which podium replaces as a whole; give a place outside it", o.label(), s.label())}
			}
		}
	}
	return nil
}

// within reports whether path is inside the folder dir, both given by
// their fileKey.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// fileIDs holds what tells the paths of a plan apart, looked up once per
// path: a press pack's 80 files compared with each other and with every
// other place would otherwise resolve and stat each path on every
// comparison (thousands of system calls).
type fileIDs map[string]fileID

// fileID is a path's fileKey and, when it exists, its file's information.
type fileID struct {
	key  string
	info os.FileInfo // nil when it cannot be read
}

func (ids fileIDs) of(path string) fileID {
	if id, ok := ids[path]; ok {
		return id
	}
	id := fileID{key: fileKey(path)}
	if info, err := os.Stat(path); err == nil {
		id.info = info
	}
	ids[path] = id
	return id
}

// same reports whether two paths name one file (see OutputPlan.Check).
func (ids fileIDs) same(a, b string) bool {
	ia, ib := ids.of(a), ids.of(b)
	if ia.key == ib.key {
		return true
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		if strings.EqualFold(ia.key, ib.key) {
			return true
		}
	}
	return ia.info != nil && ib.info != nil && os.SameFile(ia.info, ib.info)
}

// fileKey is a path made absolute and clean, its symbolic links resolved:
// of the whole path when it exists, else of its folder.
func fileKey(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}
