package plain

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"
	"time"
)

// errCanceled is end of input or ctrl+c: the session stops and nothing is placed.
var errCanceled = errors.New("canceled")

// lines reads standard input through ONE buffered reader for the whole session, so a piped
// transcript keeps every answer (a reader per prompt would swallow the lines it buffered).
// Reading runs in its own goroutine so ctrl+c is noticed while a prompt waits.
type lines struct {
	ch        chan line
	done      chan struct{} // closed when the session ends: the reader stops handing out lines
	interrupt <-chan os.Signal
	// lastAt is when the line next last returned was read off the input: a line typed before
	// a question was shown was read before it (placement.Question.Line).
	lastAt time.Time
}

// line is one line read and when it was read.
type line struct {
	s  string
	at time.Time
}

func newLines(r io.Reader, interrupt <-chan os.Signal) *lines {
	l := &lines{ch: make(chan line), done: make(chan struct{}), interrupt: interrupt}
	go func() {
		defer close(l.ch)
		br := bufio.NewReader(r)
		for {
			s, err := br.ReadString('\n')
			if s != "" || err == nil {
				select {
				case l.ch <- line{s, time.Now()}:
				case <-l.done:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return l
}

// close ends the session's reading (a read already waiting on the terminal stays blocked
// until its line arrives, then the goroutine ends).
func (l *lines) close() { close(l.done) }

// next returns the next line without its line end, or errCanceled at end of input or ctrl+c.
func (l *lines) next() (string, error) {
	select {
	case ln, ok := <-l.ch:
		if !ok {
			return "", errCanceled
		}
		l.lastAt = ln.at
		return strings.TrimRight(ln.s, "\r\n"), nil
	case <-l.interrupt:
		return "", errCanceled
	}
}
