package noticeboard

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
)

// The document's metadata says podium wrote it (Creator) and carries its
// number (Keywords): the next publication reads it back.
const (
	creator       = "podium"
	numberKeyword = "podium-notice-board-document "
)

// keywords are the document's Keywords: "podium-notice-board-document 7".
func keywords(n int) string { return numberKeyword + strconv.Itoa(n) }

// ErrNotNoticeBoard is a file that is not a notice-board document podium
// wrote: its number cannot be read, and it is not podium's to replace.
var ErrNotNoticeBoard = errors.New("not a notice-board document written by podium")

// maxPDF bounds the size of a previous document read for its number.
const maxPDF = 256 << 20

// PreviousNumber returns the number of the notice-board document at path,
// which the next publication to that path follows with the next number;
// 0 when no file is there. A file podium did not write as a notice-board
// document is an error wrapping ErrNotNoticeBoard: the caller should not
// replace it.
func PreviousNumber(path string) (int, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	n, err := ReadNumber(f, info.Size())
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}

// ReadNumber reads the document number from a notice-board document of
// size bytes: the last Keywords entry of its document information (a PDF
// updated in place appends a new one) that podium wrote.
func ReadNumber(r io.ReaderAt, size int64) (int, error) {
	if size > maxPDF {
		return 0, fmt.Errorf("%w: larger than %d MB", ErrNotNoticeBoard, maxPDF>>20)
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && !errors.Is(err, io.EOF) {
		return 0, err
	}
	return number(data)
}

// IsNoticeBoard reports whether data is a notice-board document podium
// wrote (its Creator and the number in its Keywords): a file an output
// may replace.
func IsNoticeBoard(data []byte) bool {
	_, err := number(data)
	return err == nil
}

// number reads the document number of a notice-board document.
func number(data []byte) (int, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return 0, fmt.Errorf("%w: not a PDF file", ErrNotNoticeBoard)
	}
	if !bytes.Contains(data, []byte("/Creator ("+creator+")")) {
		return 0, fmt.Errorf("%w: its Creator is not %s", ErrNotNoticeBoard, creator)
	}
	marker := []byte("/Keywords (" + numberKeyword)
	i := bytes.LastIndex(data, marker)
	if i < 0 {
		return 0, fmt.Errorf("%w: no document number in its Keywords", ErrNotNoticeBoard)
	}
	rest := data[i+len(marker):]
	end := bytes.IndexByte(rest, ')')
	if end < 0 {
		return 0, fmt.Errorf("%w: no document number in its Keywords", ErrNotNoticeBoard)
	}
	n, err := strconv.Atoi(string(rest[:end]))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%w: the document number %q in its Keywords is not a number from 1", ErrNotNoticeBoard, rest[:end])
	}
	return n, nil
}
