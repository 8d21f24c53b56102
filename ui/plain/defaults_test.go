package plain

import (
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/cloud"
	"cloudorder/providers/journal"
)

// prompter answers a plain session as a person at a screen reader would: Enter at every
// prompt, the API's id at the first, and the given word at "Place this order?" — each answer
// written only after its prompt was printed.
type prompter struct {
	mu      sync.Mutex
	out     strings.Builder
	in      *io.PipeWriter
	api     string
	confirm string
	prompts int
}

func (p *prompter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.out.Write(b)
	s := string(b)
	if !strings.HasSuffix(s, ": ") { // every prompt ends so, in both languages (ui/plain/ask.go)
		return len(b), nil
	}
	p.prompts++
	answer := "\n"
	switch {
	case p.prompts > 200: // a prompt asked forever: stop
		go p.in.Close()
		return len(b), nil
	case p.prompts == 1:
		answer = p.api + "\n"
	case strings.Contains(s, "Place this order?"):
		answer = p.confirm + "\n"
	}
	go func() { _, _ = io.WriteString(p.in, answer) }()
	return len(b), nil
}

// Plain mode places the default order of every API with Enter alone and yes: its defaults are
// the wizard's, looked-up ones included (the first entry the account lists).
func TestDefaultOrderOfEveryAPIWithEnterAndYes(t *testing.T) {
	for _, api := range testAPIs {
		t.Run(string(api.ID), func(t *testing.T) {
			history := filepath.Join(t.TempDir(), "orders.jsonl")
			p, closer, err := cloud.Open(cloud.Options{Mode: providers.Sandbox, HistoryPath: history,
				Getenv: func(string) string { return "" }, Timeout: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer closer.Close()
			r, w := io.Pipe()
			pr := &prompter{in: w, api: string(api.ID), confirm: "yes"}
			o := Run(Options{Provider: p, APIs: testAPIs, Mode: providers.Sandbox, Lang: i18n.EN, ProjectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
				In: r, Out: pr})
			w.Close()
			pr.mu.Lock()
			out := pr.out.String()
			pr.mu.Unlock()
			if o.OrderID == "" || strings.Contains(out, "default: none, required") {
				t.Fatalf("the default order was not placed with Enter and yes (%d prompts): %+v\n%s", pr.prompts, o, out)
			}
			if e, _ := journal.Read(history); len(e) != 1 || e[0].Outcome != journal.OutcomeOK {
				t.Fatalf("history %+v", e)
			}
			if api.ID == flows.HuaweiDSC && (!strings.Contains(out, "placed, unpaid — pay with `cloudorder pay "+o.OrderID+" --sandbox`") ||
				strings.Contains(out, "this order sends")) {
				t.Errorf("the default DSC order: unpaid not said, or priced another product:\n%s", out)
			}
		})
	}
}
