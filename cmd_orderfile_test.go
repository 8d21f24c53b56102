package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cloudorder/flows"
	"cloudorder/providers/huawei"
	"cloudorder/providers/journal"
)

// Every rule case under testdata/cases prints exactly its .want lines through the command,
// with exit 1 when any line is an error and 0 otherwise.
func TestValidateRuleCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/cases/*.json")
	if len(files) < 25 {
		t.Fatalf("expected the rule cases, found %d", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := runForTest(t, nil, "", "validate", f)
			got := strings.ReplaceAll(strings.TrimSpace(stderr+stdout), f+": ", "")
			if got != strings.TrimSpace(string(want)) {
				t.Fatalf("validate printed\n%s\nwant\n%s", got, want)
			}
			wantCode := exitInvalid
			if strings.HasSuffix(got, "ok") {
				wantCode = exitOK
			}
			if code != wantCode {
				t.Fatalf("exit %d, want %d", code, wantCode)
			}
		})
	}
}

// cat order.json | cloudorder submit - …: the order is read from standard input, once.
func TestSubmitFromStandardInput(t *testing.T) {
	for _, tc := range submitCases {
		t.Run(string(tc.api), func(t *testing.T) {
			data, _ := os.ReadFile(tc.file)
			out, errOut, code := runForTest(t, submitEnv(t), string(data), "submit", "-", "--sandbox", "--yes")
			if code != exitOK || !strings.Contains(out, "order_id: ") {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
		})
	}
	_, errOut, code := runForTest(t, submitEnv(t), "", "validate", "-")
	if code != exitUsage || !strings.Contains(errOut, "-: line 1, column 1: malformed JSON") {
		t.Fatalf("empty stdin: exit %d\n%s", code, errOut)
	}
}

// The real pipe: `cat order.json | cloudorder submit -` in a child process whose standard
// input is an OS pipe (read once: a second read would find it empty). The body the sandbox
// receives and the body journaled are the file's body.
func TestSubmitThroughAPipe(t *testing.T) {
	const name = "-"
	for _, tc := range submitCases {
		t.Run(name+" "+string(tc.api), func(t *testing.T) {
			s := startSandbox(t)
			env := withSandboxKeys(submitEnv(t))
			data, _ := os.ReadFile(tc.file)
			cmd, stdout, stderr := command(t, env, "submit", name, "--endpoint", s.URL(), "--yes")
			cmd.Stdin = bytes.NewReader(data) // not an *os.File: exec connects it through a pipe
			code := exitCode(t, cmd.Run())
			out, errOut := stdout.String(), stderr.String()
			if code != exitOK || !strings.Contains(out, "order_id: ") {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			orders := s.Orders()
			if len(orders) != 1 {
				t.Fatalf("sandbox recorded %d orders", len(orders))
			}
			file := readOrderForTest(t, data)
			if where, same := huawei.SameJSON(file.Body, orders[0].Body); !same {
				t.Fatalf("wire differs from the file at %s\nwire: %s", where, orders[0].Body)
			}
			entries, err := journal.Read(historyFile(env))
			if err != nil || len(entries) != 1 {
				t.Fatalf("history %v %v", entries, err)
			}
			if where, same := huawei.SameJSON(file.Body, entries[0].Intent.Body); !same {
				t.Fatalf("journal differs from the file at %s", where)
			}
			if tc.api == flows.AlibabaPAI && !bytes.Equal(entries[0].Intent.Body, orders[0].Body) {
				t.Fatalf("Alibaba sends the journaled bytes as they are:\njournal: %s\nwire:    %s", entries[0].Intent.Body, orders[0].Body)
			}
		})
	}
}

// An input over 1 MiB is refused before it is parsed (exit 2), from a file or a pipe.
func TestOrderFileTooLarge(t *testing.T) {
	big := `{"api": "alibaba/pai/CreateProductOrders", "region": "cn-hangzhou", "body": {}}` + strings.Repeat(" ", flows.MaxFileSize)
	file := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(file, []byte(big), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", file}, {"submit", file, "--sandbox", "--yes"}, {"submit", "-", "--sandbox", "--yes"}} {
		_, errOut, code := runForTest(t, submitEnv(t), big, args...)
		if code != exitUsage || !strings.Contains(errOut, "refused: it is larger than 1 MiB; nothing of it was read") || strings.Contains(errOut, "malformed") {
			t.Errorf("%v: exit %d\n%s", args, code, errOut)
		}
	}
}

// readOrderForTest returns the order file as written (its own body, not a rebuilt one).
func readOrderForTest(t *testing.T, data []byte) flows.Order {
	t.Helper()
	var o flows.Order
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatal(err)
	}
	return o
}
