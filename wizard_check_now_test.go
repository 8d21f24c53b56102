package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/catalog"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/journal"
	"cloudorder/providers/sandbox"
	"cloudorder/ui"
	"cloudorder/ui/uitest"
)

// The wizard's "check now" against a sandbox through the real SDKs and the real history, as
// runWizard opens them: the order is placed and its answer lost (reset-after-placing); n on
// the review asks the billing records and finds that very order.
func TestWizardCheckNowFindsTheOrderTheSandboxPlaced(t *testing.T) {
	s := startSandbox(t)
	env := withSandboxKeys(submitEnv(t))
	s.SetFault(sandbox.Fault{Kind: sandbox.FaultResetAfterPlacing, Count: 1})
	var out, errOut bytes.Buffer
	c := &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(k string) string { return env[k] }, lang: i18n.EN}
	loaded, code := loadFrom("testdata/orders/huawei-dsc.json", c)
	if code != exitOK {
		t.Fatalf("load: exit %d: %s", code, errOut.String())
	}
	p, closer, err := c.openCloud(providers.Live, s.URL(), 10*time.Second, "")
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if probedMode(p) != providers.Sandbox {
		t.Fatal("the sandbox was not recognised")
	}
	var mu sync.Mutex
	at := time.Now()
	clock := func() time.Time { // every key comes well after its question (placement.Debounce)
		mu.Lock()
		defer mu.Unlock()
		at = at.Add(time.Second)
		return at
	}
	m := ui.New(ui.Options{Provider: p, APIs: catalog.Flows(), Mode: providers.Sandbox, Lang: i18n.EN, From: loaded, Clock: clock,
		ProjectID: sandbox.ProjectID})
	m = uitest.Send(t, m, tea.WindowSizeMsg{Width: 90, Height: 80})
	m = uitest.Run(t, m, m.Init())
	if m.Where() != "review" {
		t.Fatalf("--from did not open the review:\n%s", screenText(m))
	}
	m = uitest.Send(t, m, tea.KeyPressMsg{Code: 'y', Text: "y"})
	if v := screenText(m); !strings.Contains(v, "MAY HAVE BEEN PLACED") || !strings.Contains(v, "n check now") || len(s.Orders()) != 1 {
		t.Fatalf("after the reset (%d orders):\n%s", len(s.Orders()), v)
	}
	want := s.Orders()[0].OrderID
	m = uitest.Send(t, m, tea.KeyPressMsg{Code: 'n', Text: "n"})
	if v := screenText(m); !strings.Contains(v, "PLACED: the cloud has exactly one matching order, "+want) || !strings.Contains(v, want+": matches") {
		t.Fatalf("check now:\n%s", v)
	}
	h, _ := journal.Load(historyFile(env))
	if len(h.Entries) != 1 || h.Entries[0].Resolution.Outcome != journal.ResolvedPlaced || h.Entries[0].OrderID() != want {
		t.Fatalf("history: %+v", h.Entries)
	}
	if len(s.Orders()) != 1 || s.Hits(s.Orders()[0].API) != 1 {
		t.Fatal("check now sent an order")
	}
}

// screenText is the wizard's screen as one line: styles, the error panel's border and
// wrapping gone. The test drives the wizard synchronously (ui/uitest), as ui's own tests do.
func screenText(m ui.Model) string {
	v := ansi.Strip(m.View().Content)
	return strings.Join(strings.Fields(strings.ReplaceAll(v, "┃", " ")), " ")
}
