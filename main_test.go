package main

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// TestMain lets a test run this test binary as the cloudorder command (runMain), for what only
// a real process shows: signals, and the SDKs' own reading of the process environment at
// start-up (DEBUG, HUAWEICLOUD_SDK_REGION_*, regions.yaml).
func TestMain(m *testing.M) {
	if os.Getenv("CLOUDORDER_TEST_AS_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// command returns the cloudorder command line as a child process with exactly env.
func command(t *testing.T, env map[string]string, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = []string{"CLOUDORDER_TEST_AS_MAIN=1", "PATH=" + os.Getenv("PATH")}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	return cmd, &out, &errOut
}

// runMain runs the command line in a child process and returns what it printed and its exit code.
func runMain(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd, out, errOut := command(t, env, args...)
	code = exitCode(t, cmd.Run())
	return out.String(), errOut.String(), code
}

// exitCode is the exit code of the child process whose Run or Wait returned err.
func exitCode(t *testing.T, err error) int {
	t.Helper()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}
