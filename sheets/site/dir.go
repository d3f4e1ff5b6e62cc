package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/podium-dev/podium/sheets/ooxml"
)

// Manifest lists, in a site's folder, the files podium wrote there with
// their SHA-256 ("<hex>  <name>", as sha256sum writes them). It is how the
// next publish knows the folder is podium's site, and that every file in
// it is podium's, unchanged, before replacing it.
const Manifest = ".podium-site.txt"

// manifestHeader starts the manifest, saying what it is to whoever opens
// it; its first line is also one of the two signs of a podium site (the
// other: every file listed, unchanged).
const manifestHeader = "# podium site: the files podium wrote into this folder and their SHA-256.\n" +
	"# The next podium publish --html into this folder replaces them, if unchanged.\n"

// Errors of a site's folder, wrapped in an ooxml.FileError with the path.
var (
	// ErrNotSite: the folder holds files but is not a site podium
	// published.
	ErrNotSite = errors.New("the folder holds files and is not a site podium published")
	// ErrForeignFiles: podium's site, with files podium did not write, or
	// changed since.
	ErrForeignFiles = errors.New("the site holds files podium did not write")
)

const (
	hintNotSite = "give a new or empty folder, or the folder of an earlier podium publish --html; podium never removes files it did not write"
	hintForeign = "move them elsewhere, then run podium again: the site is replaced as a whole"
)

// CheckDir says whether Write may put a site at dir: when nothing is
// there, an empty folder, or a site podium published whose files are all
// listed, unchanged, in its Manifest. Otherwise it returns an
// *ooxml.FileError naming what is in the way.
func CheckDir(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &ooxml.FileError{Path: dir, Err: ooxml.UnwrapPath(err), Hint: "check the path and permissions"}
	}
	if !info.IsDir() {
		return &ooxml.FileError{Path: dir, Err: errors.New("is a file, not a folder"), Hint: "give a folder for the web pages"}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return &ooxml.FileError{Path: dir, Err: ooxml.UnwrapPath(err), Hint: "check the path and permissions"}
	}
	if len(entries) == 0 {
		return nil
	}
	listed, ok := readManifest(dir)
	if !ok {
		return &ooxml.FileError{Path: dir, Err: ErrNotSite, Hint: hintNotSite}
	}
	var foreign, changed []string
	for _, e := range entries {
		name := e.Name()
		switch sum, ok := listed[name]; {
		case name == Manifest:
		case !ok || !e.Type().IsRegular():
			foreign = append(foreign, name)
		case fileSHA256(filepath.Join(dir, name)) != sum:
			changed = append(changed, name)
		}
	}
	if len(foreign) == 0 && len(changed) == 0 {
		return nil
	}
	var parts []string
	if len(foreign) > 0 {
		parts = append(parts, "not written by podium: "+summarise(foreign))
	}
	if len(changed) > 0 {
		parts = append(parts, "changed since podium wrote them: "+summarise(changed))
	}
	return &ooxml.FileError{Path: dir, Err: fmt.Errorf("%w (%s)", ErrForeignFiles, strings.Join(parts, "; ")), Hint: hintForeign}
}

// summarise lists names, the first three and how many more.
func summarise(names []string) string {
	slices.Sort(names)
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more", len(names)-3)
	}
	return strings.Join(names, ", ")
}

// readManifest reads a site's manifest: the names listed and their
// SHA-256. ok is false when there is none, or it does not start with
// podium's header.
func readManifest(dir string) (map[string]string, bool) {
	data, err := os.ReadFile(filepath.Join(dir, Manifest))
	if err != nil || !bytes.HasPrefix(data, []byte(manifestHeader)) {
		return nil, false
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data[len(manifestHeader):]))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if ok && len(sum) == 64 && name != "" && !strings.ContainsAny(name, `/\`) {
			out[name] = sum
		}
	}
	return out, true
}

// manifest is the manifest of files.
func manifest(files []File) []byte {
	var b bytes.Buffer
	b.WriteString(manifestHeader)
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), f.Name)
	}
	return b.Bytes()
}

func fileSHA256(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// writeDir writes files into a new folder beside dir, then puts it in
// dir's place: the folder podium wrote before (checked again by CheckDir)
// is moved aside, the new one renamed to dir, and the old one's files
// removed. A failure before the rename leaves dir as it was and removes the
// new folder.
func writeDir(dir string, files []File) error {
	target := dir
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		target = real // a link to a folder: the folder is replaced, the link stays
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return &ooxml.FileError{Path: dir, Err: ooxml.UnwrapPath(err), Hint: "check the path and permissions"}
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(target)+".podium-")
	if err != nil {
		return &ooxml.FileError{Path: dir, Err: ooxml.UnwrapPath(err), Hint: "podium writes the site beside the folder first; check that its parent folder is writable"}
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	all := append(slices.Clone(files), File{Manifest, manifest(files)})
	for _, f := range all {
		if err := writeFileSync(filepath.Join(tmp, f.Name), f.Data); err != nil {
			return &ooxml.FileError{Path: filepath.Join(dir, f.Name), Err: ooxml.UnwrapPath(err), Hint: "check the free space and permissions"}
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return &ooxml.FileError{Path: dir, Err: ooxml.UnwrapPath(err), Hint: "check the permissions"}
	}
	if err := CheckDir(target); err != nil { // changed while the pages were written
		return err
	}
	old := ""
	if _, err := os.Stat(target); err == nil {
		old = tmp + ".old"
		if err := os.Rename(target, old); err != nil {
			return &ooxml.FileError{Path: dir, Err: ooxml.UnwrapPath(err), Hint: "podium replaces the site's folder as a whole; close what uses it (a file browser, a server) and check the permissions of its parent folder"}
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		if old != "" {
			os.Rename(old, target)
		}
		return &ooxml.FileError{Path: dir, Err: ooxml.UnwrapPath(err), Hint: "the site is as it was; check the permissions of its parent folder"}
	}
	done = true
	if old != "" {
		return removeOld(dir, old)
	}
	return nil
}

// removeOld removes the earlier site moved aside to old: its files that
// podium wrote, unchanged, then the folder. Anything else (a file put
// there while the new site was written) is left in old, and said.
func removeOld(dir, old string) error {
	listed, _ := readManifest(old)
	entries, _ := os.ReadDir(old)
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(old, name)
		if sum, ok := listed[name]; name == Manifest || ok && e.Type().IsRegular() && fileSHA256(path) == sum {
			os.Remove(path)
		}
	}
	if err := os.Remove(old); err != nil {
		return &ooxml.FileError{Path: old, Err: errors.New("the earlier site's folder still holds files podium did not write"), Hint: "the new site is in " + dir + "; move those files where they belong and remove the folder"}
	}
	return nil
}

// writeFileSync writes a new file and flushes it to the disk.
func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
