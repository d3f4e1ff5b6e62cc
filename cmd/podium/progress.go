package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
)

// progressDelay is how long a run goes before it shows a progress line.
const progressDelay = time.Second

// readSeason reads a season with read, which every command passes the
// password and the progress counter prog through, showing the progress line
// on w meanwhile (see startProgress).
func readSeason(w io.Writer, password string, prog *sheets.Progress, read func(sheets.OpenOptions) (*scoring.Season, scoring.Diagnostics, error)) (*scoring.Season, scoring.Diagnostics, error) {
	stop := startProgress(w, prog)
	defer stop()
	return read(sheets.OpenOptions{Password: password, Progress: prog})
}

// startProgress shows, on stderr when it is a terminal and once the run has
// taken a second, a line with the rows read and the sheets written so far,
// updated four times a second. stop clears it.
func startProgress(w io.Writer, p *sheets.Progress) (stop func()) {
	f, ok := w.(*os.File)
	if !ok || !isTerminal(f) {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		select {
		case <-done:
			return
		case <-time.After(progressDelay):
		}
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(f, "\rpodium: %d rows read, %d sheets written ", p.RowsRead(), p.SheetsWritten())
			select {
			case <-done:
				fmt.Fprint(f, "\r\033[K") // clear the line
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// isTerminal reports whether f is a terminal (a character device), not a
// file or a pipe.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
