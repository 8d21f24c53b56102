package ui

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
)

// toCommand moves from the review's summary to its command view.
func toCommand(t *testing.T, d *driver) {
	t.Helper()
	d.keys("tab", "tab")
	if d.m.review.pane != paneCommand {
		t.Fatalf("tab tab: pane %d, not the command\n%s", d.m.review.pane, d.view())
	}
}

// rendered is what clicmd renders for the order on review, independently of the view.
func rendered(t *testing.T, d *driver, sh clicmd.Shell) string {
	t.Helper()
	s := d.m.s
	want, err := clicmd.Render(s.api, s.order, s.target, sh, s.lang)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return want
}

// commandOnScreen reads the command view off the screen, scrolling it from top to bottom with
// pgdn as a person would: every line of its viewport, padding trimmed.
func commandOnScreen(t *testing.T, d *driver) []string {
	t.Helper()
	r := d.m.review
	for r.cmd.vp.YOffset() > 0 {
		d.keys("pgup")
	}
	col, width := 0, d.m.w
	if r.wide() {
		sw, bw := r.paneWidths()
		col, width = sw+3, bw
	}
	top := lineCount(d.m.header()) + 1 // the tabs or the column's title come first
	got := map[int]string{}
	for range 100 {
		lines := strings.Split(d.view(), "\n")
		off := r.cmd.vp.YOffset()
		for i := range r.cmd.vp.Height() {
			if off+i < r.cmd.vp.TotalLineCount() {
				got[off+i] = strings.TrimRight(ansi.Cut(lines[top+i], col, col+width), " ")
			}
		}
		if r.cmd.vp.AtBottom() || r.cmd.vp.TotalLineCount() <= r.cmd.vp.Height() {
			break
		}
		d.keys("pgdown")
	}
	out := make([]string, r.cmd.vp.TotalLineCount())
	for i := range out {
		l, ok := got[i]
		if !ok {
			t.Fatalf("line %d of the command never showed", i)
		}
		out[i] = l
	}
	return out
}

// checkShown checks the screen shows want: every character in order (a line too wide for the
// pane continues on the next screen line), each of its lines starting a screen line, and
// every line that fits shown whole.
func checkShown(t *testing.T, d *driver, want string) {
	t.Helper()
	shown := commandOnScreen(t, d)
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if got := squeeze(strings.Join(shown, "\n")); got != squeeze(want) {
		t.Fatalf("the command view does not show clicmd.Render's text\nshown:\n%s\nwant:\n%s", strings.Join(shown, "\n"), want)
	}
	starts := map[string]bool{}
	whole := map[string]bool{}
	for _, l := range shown {
		whole[l] = true
		if f := strings.Fields(l); len(f) > 0 {
			starts[f[0]] = true
		}
	}
	width := d.m.review.cmd.vp.Width()
	for _, l := range strings.Split(strings.TrimSuffix(want, "\n"), "\n") {
		comment := strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "REM ")
		if f := strings.Fields(l); len(f) > 0 && !starts[f[0]] && !comment {
			t.Errorf("line %q does not start a screen line", l)
		}
		if ansi.StringWidth(l) <= width && !comment && !whole[strings.TrimRight(l, " ")] {
			t.Errorf("line %q (fits in %d cells) is not shown whole", l, width)
		}
	}
}

func TestCommandViewShowsExactlyTheRenderedCommand(t *testing.T) {
	for _, fill := range []map[string]string{fillAlibaba, fillDSC, fillWorkspace} {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				t.Run(fmt.Sprintf("%s-%s-%dx%d", fill["api"], lang, size[0], size[1]), func(t *testing.T) {
					d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: lang}, size[0], size[1])
					d.walk(fill)
					toCommand(t, d)
					for _, sh := range clicmd.Shells {
						if d.m.review.cmd.shell != sh {
							t.Fatalf("shell %s, want %s", d.m.review.cmd.shell, sh)
						}
						want := rendered(t, d, sh)
						if d.m.review.cmd.text != want {
							t.Fatalf("%s: the view's command is not clicmd.Render's", sh)
						}
						if !strings.Contains(d.view(), d.m.review.commandTitle(false)) && !strings.Contains(d.view(), d.m.review.commandTitle(true)) {
							t.Fatalf("%s: no title naming the shell\n%s", sh, d.view())
						}
						checkShown(t, d, want)
						d.keys("x")
					}
					if d.m.review.cmd.shell != clicmd.SH {
						t.Fatalf("x after cmd: %s, want sh again", d.m.review.cmd.shell)
					}
				})
			}
		}
	}
}

func TestCommandViewTextThatNeedsQuoting(t *testing.T) {
	// Quotes, $, a backslash, a newline in a string and Chinese text, typed into the form: the
	// view shows what clicmd renders for exactly that body.
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.walk(fillWorkspace)
	odd := `it's "x" $HOME \n 中文`
	d.keys("e")
	d.typ("ou_name")
	d.keys("enter", "ctrl+u")
	d.typ(odd)
	d.keys("enter")
	if d.m.Where() != "review" || !strings.Contains(string(d.m.s.order.Body), `"it's \"x\" $HOME \\n 中文"`) {
		t.Fatalf("the body does not hold the typed text (at %s): %s", d.m.Where(), d.m.s.order.Body)
	}
	toCommand(t, d)
	for _, sh := range clicmd.Shells[:2] {
		checkShown(t, d, rendered(t, d, sh))
		d.keys("x")
	}
}

func TestCommandViewFollowsAnEditedAnswer(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 120, 40)
	d.walk(fillAlibaba)
	toCommand(t, d)
	before := d.m.review.cmd.text
	if !strings.Contains(before, `"AutoRenew":false`) {
		t.Fatalf("before: %s", before)
	}
	d.keys("e")
	d.typ("auto-renew")
	d.keys("enter", "space", "enter")
	if d.m.Where() != "review" {
		t.Fatalf("after the edit: at %s", d.m.Where())
	}
	toCommand(t, d)
	want := rendered(t, d, clicmd.SH)
	if want == before || !strings.Contains(want, `"AutoRenew":true`) {
		t.Fatalf("the order did not change: %s", want)
	}
	if d.m.review.cmd.text != want {
		t.Fatalf("the view kept the old command:\n%s", d.m.review.cmd.text)
	}
	checkShown(t, d, want)
}

// clipboardOf runs cmd and returns what it asks the terminal to put on its clipboard.
func clipboardOf(t *testing.T, cmd tea.Cmd) (string, bool) {
	t.Helper()
	if cmd == nil {
		return "", false
	}
	msg := cmd()
	if !strings.Contains(strings.ToLower(typeName(msg)), "clipboard") {
		return "", false
	}
	return reflect.ValueOf(msg).String(), true
}

func TestCommandCopyIsReportedHonestly(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: lang}, 120, 40)
		d.walk(fillDSC)
		if _, cmd := d.m.Update(keyMsg("c")); cmd != nil {
			if _, ok := clipboardOf(t, cmd); ok {
				t.Fatal("c on the summary copied something")
			}
		}
		toCommand(t, d)
		d.keys("x") // pwsh: the copy is the command on screen, for the shell on screen
		nm, cmd := d.m.Update(keyMsg("c"))
		d.m = nm.(Model)
		got, ok := clipboardOf(t, cmd)
		if !ok || got != rendered(t, d, clicmd.PWSH) {
			t.Fatalf("%s: c sent %q (clipboard %v)", lang, got, ok)
		}
		honest := map[i18n.Lang]string{i18n.EN: "your terminal may not support it", i18n.ZH: "你的终端可能不支持"}[lang]
		if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, honest) || !strings.Contains(v, "hcloud") {
			t.Fatalf("%s: the copy is not reported honestly:\n%s", lang, d.view())
		}
	}
}

func TestCommandViewWithoutAnEndpointSaysWhy(t *testing.T) {
	// A dry run that could not open a provider knows no endpoint: no command is invented.
	d := newDriver(t, Options{Mode: providers.DryRun}, 80, 24)
	d.walk(fillAlibaba)
	toCommand(t, d)
	if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, "cloudorder command FILE") || strings.Contains(v, "aliyun aiworkspace") {
		t.Fatalf("no endpoint:\n%s", d.view())
	}
	if d.m.review.km.Copy.Enabled() {
		t.Fatal("c offered with no command to copy")
	}
}

func TestCommandSaveBesideTheOrderFile(t *testing.T) {
	dir := t.TempDir()
	d := newDriver(t, Options{Provider: &fakeProvider{}, SaveDir: dir}, 120, 40)
	d.walk(fillAlibaba)
	order := filepath.Join(dir, "order-alibaba-pai-CreateProductOrders-20250102-030405.json")
	script := filepath.Join(dir, "order-alibaba-pai-CreateProductOrders-20250102-030405.aliyun.sh")

	// From the summary, s saves the order file only.
	d.keys("s", "enter")
	if _, err := os.Stat(order); err != nil {
		t.Fatalf("order not saved: %v", err)
	}
	if _, err := os.Stat(script); err == nil {
		t.Fatal("the command was saved from the summary")
	}
	os.Remove(order)

	toCommand(t, d)
	d.keys("s")
	if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, ".aliyun.sh") {
		t.Fatalf("the prompt does not say the command goes too:\n%s", d.view())
	}
	d.keys("enter")
	want := rendered(t, d, clicmd.SH)
	for _, p := range []string{order, script} {
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v\n%s", p, err, st, d.view())
		}
	}
	if b, _ := os.ReadFile(script); string(b) != want {
		t.Fatalf("saved command:\n%s\nwant:\n%s", b, want)
	}
	if v := d.view(); !strings.Contains(v, "Saved") || !strings.Contains(v, ".aliyun.sh") {
		t.Fatalf("not reported:\n%s", v)
	}

	// Both exist: each is asked about, and n keeps the command file as it was.
	os.WriteFile(script, []byte("keep me"), 0o644)
	d.keys("s", "enter")
	if d.m.ask != askOverwrite {
		t.Fatalf("existing order file: no question\n%s", d.view())
	}
	d.keys("y")
	if v := strings.Join(strings.Fields(d.view()), " "); d.m.ask != askOverwriteCommand || !strings.Contains(v, filepath.Base(script)+" exists") {
		t.Fatalf("existing command file: no question\n%s", d.view())
	}
	d.keys("n")
	if b, _ := os.ReadFile(script); string(b) != "keep me" {
		t.Fatal("the command file was overwritten without asking")
	}
	d.keys("s", "enter", "y", "y")
	st, _ := os.Stat(script)
	if b, _ := os.ReadFile(script); string(b) != want || st.Mode().Perm() != 0o600 {
		t.Fatalf("y did not overwrite (mode %v): %s", st.Mode().Perm(), b)
	}

	// Another shell: its own file beside the order.
	d.keys("x", "s", "enter", "y")
	ps := strings.TrimSuffix(script, ".sh") + ".ps1"
	if b, _ := os.ReadFile(ps); string(b) != rendered(t, d, clicmd.PWSH) {
		t.Fatalf("pwsh command not saved as %s:\n%s", ps, d.view())
	}
	saved := d.m.Outcome().Saved
	if n := strings.Count(strings.Join(saved, "\n"), ".aliyun."); n != 3 {
		t.Fatalf("saved %v", saved)
	}
}

// TestGoldenCommandView draws the command view at the usual and a large window in both
// languages, for an aliyun and an hcloud command.
func TestGoldenCommandView(t *testing.T) {
	for _, fill := range []map[string]string{fillAlibaba, fillDSC} {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: lang, Timeout: 30 * time.Second}, size[0], size[1])
				d.walk(fill)
				toCommand(t, d)
				view := d.view()
				tool := map[string]string{fillAlibaba["api"]: "aliyun", fillDSC["api"]: "hcloud"}[fill["api"]]
				// testdata/TestGoldenCommandView/<tool>-<lang>-<w>x<h>.golden; -update rewrites them.
				t.Run(fmt.Sprintf("%s-%s-%dx%d", tool, lang, size[0], size[1]), func(t *testing.T) { golden.RequireEqual(t, view) })
			}
		}
	}
}

func TestCommandViewInChinese(t *testing.T) {
	// The view's own words (tabs, position, key hints, the copy and save notices) are Chinese;
	// the command keeps the CLI's words, and its comments are Chinese.
	d := newDriver(t, Options{Provider: &fakeProvider{}, Lang: i18n.ZH, SaveDir: t.TempDir()}, 80, 24)
	d.walk(fillDSC)
	toCommand(t, d)
	top := lineCount(d.m.header()) + 1
	for _, keys := range [][]string{nil, {"c"}, {"s"}} {
		d.keys(keys...)
		if d.m.Where() != "review" || (len(keys) > 0 && d.m.s.notice == "") {
			t.Fatalf("after %v: at %s, notice %q", keys, d.m.Where(), d.m.s.notice)
		}
		for i, l := range strings.Split(d.view(), "\n") {
			if i >= top && i < top+d.m.review.cmd.vp.Height() {
				continue // the command
			}
			if m := asciiProse.FindString(commands.ReplaceAllString(l, "")); m != "" {
				t.Errorf("after %v: English %q in %q", keys, m, l)
			}
		}
	}
	d.keys("esc") // closes the save prompt
	han := regexp.MustCompile(`\p{Han}`)
	for _, l := range strings.Split(d.m.review.cmd.text, "\n") {
		if strings.HasPrefix(l, "# ") && !han.MatchString(l) {
			t.Errorf("comment not in Chinese: %q", l)
		}
	}
}

func TestProgramCommandViewCopiesWhatTheWizardWouldSend(t *testing.T) {
	// The running wizard against the real provider stack (sandbox): the command goes to the
	// endpoint the provider reports, and c writes exactly that text to the terminal as OSC 52.
	t.Parallel()
	p := startProgram(t, Options{})
	p.walk(fillAlibaba)
	p.press("tab", "tab")
	p.waitFor("the command view", func(_ snapshot, s string) bool {
		return strings.Contains(s, "aliyun CLI command (sh)") && strings.Contains(s, "aliyun aiworkspace CreateProductOrders")
	})
	p.press("c")
	p.waitFor("the copy notice", func(_ snapshot, s string) bool {
		return strings.Contains(strings.Join(strings.Fields(s), " "), "your terminal may not support it")
	})
	// The clipboard write reaches the terminal after the notice: wait for the whole sequence.
	osc52 := regexp.MustCompile("\x1b]52;c;([A-Za-z0-9+/=]*)(?:\a|\x1b\\\\)")
	var copied []byte
	teatest.WaitFor(t, p.tm.Output(), func(out []byte) bool {
		if m := osc52.FindSubmatch(out); m != nil {
			copied = m[1]
			return true
		}
		return false
	}, teatest.WithDuration(10*time.Second))
	m := p.quit()
	s := m.s
	prov := m.s.o.Provider
	want, err := clicmd.Render(s.api, s.order, prov.Target(s.order.API, s.order.Region), clicmd.SH, i18n.EN)
	if err != nil || m.review.cmd.text != want {
		t.Fatalf("view %q, render %q (%v)", m.review.cmd.text, want, err)
	}
	if got, err := base64.StdEncoding.DecodeString(string(copied)); err != nil || string(got) != want {
		t.Fatalf("OSC 52 carried %q (%v), want %q", got, err, want)
	}
}

func TestPaneKeysCycleBothWays(t *testing.T) {
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 80, 24)
	d.walk(fillAlibaba)
	for _, step := range []struct {
		key  string
		pane int
	}{{"tab", paneJSON}, {"right", paneCommand}, {"tab", paneSummary}, {"shift+tab", paneCommand}, {"left", paneJSON}, {"left", paneSummary}} {
		d.keys(step.key)
		if d.m.review.pane != step.pane {
			t.Fatalf("%s: pane %d, want %d", step.key, d.m.review.pane, step.pane)
		}
	}
}

func TestCommandViewSaysWhyAShellRefusesTheOrder(t *testing.T) {
	// cmd.exe expands % in every quoting, so clicmd refuses it there; the view says so and
	// offers c again once x reaches a shell that takes the text.
	d := newDriver(t, Options{Provider: &fakeProvider{}}, 80, 24)
	d.walk(fillWorkspace)
	d.keys("e")
	d.typ("ou_name")
	d.keys("enter", "ctrl+u")
	d.typ("100%done")
	d.keys("enter")
	toCommand(t, d)
	d.keys("x", "x")
	_, want := clicmd.Render(d.m.s.api, d.m.s.order, d.m.s.target, clicmd.CMD, i18n.EN)
	if want == nil {
		t.Fatal("clicmd took % for cmd.exe: the test needs another character")
	}
	v := strings.Join(strings.Fields(d.view()), " ")
	if !strings.Contains(v, "No command can be shown") || !strings.Contains(v, "x shows the command for another shell") || d.m.review.km.Copy.Enabled() {
		t.Fatalf("cmd refusal:\n%s", d.view())
	}
	d.keys("x")
	if !d.m.review.km.Copy.Enabled() || d.m.review.cmd.text != rendered(t, d, clicmd.SH) {
		t.Fatalf("back to sh:\n%s", d.view())
	}
}
