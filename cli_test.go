package main

import (
	"bytes"
	"strings"
	"testing"
)

// runForTest runs the command line in-process with the given environment (nothing else from
// the real environment leaks in) and returns what it printed and its exit code.
func runForTest(t *testing.T, env map[string]string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &cli{
		stdin:  strings.NewReader(stdin),
		stdout: &out, stderr: &errOut,
		getenv: func(k string) string { return env[k] },
	}
	code = run(args, c)
	return out.String(), errOut.String(), code
}
