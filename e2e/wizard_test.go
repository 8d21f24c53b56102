// Package e2e drives the built cloudorder binary in a real terminal (tmux): launch the wizard
// against the in-process sandbox, accept every documented default, place the order, and find
// the order ID on screen and in the scrollback after the program exits.
package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"cloudorder/catalog"
	"cloudorder/flows"
	"cloudorder/placement"
)

// tmux runs one tmux command on the test's private server.
type tmux struct {
	t      *testing.T
	socket string
}

func (x tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", x.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen returns the visible pane, or with history the scrollback too.
func (x tmux) screen(history bool) string {
	args := []string{"capture-pane", "-p", "-t", "wiz"}
	if history {
		args = append(args, "-S", "-2000")
	}
	return x.run(args...)
}

// waitFor polls the pane until it contains want.
func (x tmux) waitFor(want string, history bool, within time.Duration) string {
	x.t.Helper()
	return x.waitForAny(history, within, want)
}

// waitForAny polls the pane until it contains one of wants.
func (x tmux) waitForAny(history bool, within time.Duration, wants ...string) string {
	x.t.Helper()
	deadline := time.Now().Add(within)
	var s string
	for time.Now().Before(deadline) {
		s = x.screen(history)
		for _, want := range wants {
			if strings.Contains(s, want) {
				return s
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	x.t.Fatalf("timed out after %v waiting for %q; the pane shows:\n%s", within, wants, s)
	return ""
}

// defaultOrder is one API's default order as a newcomer places it: the keys that pick the
// API on the first screen, then Enter until the review, then y. The account look-ups answer
// the Huawei IDs (project, DSC product id, Workspace App server group, VPC and subnet), so
// nothing is typed.
type defaultOrder struct {
	name    string
	api     flows.APIID // chosen on the first screen with →, wherever it is in the list
	product string      // a line the review's JSON shows
	checkAt []string    // steps (breadcrumb titles) where the help panel's column is checked
}

var defaultOrders = []defaultOrder{
	{name: "alibaba", api: flows.AlibabaPAI, product: `"ProductCode": "DataWorks_share"`, checkAt: []string{"API", "Billing"}},
	{name: "dsc", api: flows.HuaweiDSC, product: `"resource_spec_code": "base_professional"`},
	{name: "workspaceapp", api: flows.HuaweiWorkspaceApp, product: `"type": "createApps"`},
}

// maxKeys is the promise: at most 12 keystrokes from launch to an order ID.
const maxKeys = 12

func TestWizardPlacesEachDefaultOrderInTwelveKeys(t *testing.T) {
	needTmux(t)
	bin := cloudorderBinary(t)
	for _, o := range defaultOrders {
		t.Run(o.name, func(t *testing.T) { placeDefault(t, bin, o) })
	}
}

// startWizard runs the built wizard in a 120×40 tmux pane with a fresh HOME and XDG
// directories (returned as dir); the shell stays after the wizard exits so the scrollback
// can be read.
func startWizard(t *testing.T, bin, name string, args ...string) (tmux, string) {
	t.Helper()
	return startWizardEnv(t, bin, name, nil, args...)
}

// startWizardEnv is startWizard with extra environment variables ("K=V").
func startWizardEnv(t *testing.T, bin, name string, env []string, args ...string) (tmux, string) {
	t.Helper()
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	for _, d := range []string{home, filepath.Join(dir, "config"), filepath.Join(dir, "state")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	x := tmux{t: t, socket: fmt.Sprintf("cloudorder-e2e-%d-%s", os.Getpid(), name)}
	t.Cleanup(func() { endTmux(x.socket) })
	quoted := ""
	for _, a := range args {
		quoted += fmt.Sprintf(" %q", a)
	}
	extra := ""
	for _, kv := range env {
		extra += fmt.Sprintf(" %q", kv)
	}
	script := fmt.Sprintf(`env -i PATH=%q HOME=%q XDG_CONFIG_HOME=%q XDG_STATE_HOME=%q TERM=xterm-256color LANG=C.UTF-8%s %q%s; echo "EXIT=$?"; exec sleep 600`,
		os.Getenv("PATH"), home, filepath.Join(dir, "config"), filepath.Join(dir, "state"), extra, bin, quoted)
	x.run("new-session", "-d", "-x", "120", "-y", "40", "-s", "wiz", "sh", "-c", script)
	x.run("set-option", "-t", "wiz", "history-limit", "5000")
	x.run("set-option", "-s", "set-clipboard", "on") // the pane's OSC 52 becomes a buffer
	return x, dir
}

// settled waits (at most 20 s) until the pane shows no running look-up and has not changed for
// 150 ms.
func settled(x tmux) {
	last, since := x.screen(false), time.Now()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		time.Sleep(25 * time.Millisecond)
		s := x.screen(false)
		if s != last || strings.Contains(s, "looking up") {
			last, since = s, time.Now()
			continue
		}
		if time.Since(since) >= 150*time.Millisecond {
			return
		}
	}
}

func placeDefault(t *testing.T, bin string, o defaultOrder) {
	x, dir := startWizard(t, bin, o.name, "--sandbox", "--lang", "en")

	// Keys typed before the program puts the terminal in raw mode would be cooked by the
	// line discipline: wait for the first screen.
	x.waitFor("SANDBOX", false, 30*time.Second)
	s := x.waitFor("enter next", false, 30*time.Second)
	keys := 0
	send := func(k string) {
		// A person waits for a look-up's spinner before taking the field's answer.
		for j := 0; j < 200 && strings.Contains(x.screen(false), "looking up"); j++ {
			time.Sleep(25 * time.Millisecond)
		}
		before := x.screen(false)
		x.run("send-keys", "-t", "wiz", k)
		keys++
		for j := 0; j < 80 && x.screen(false) == before; j++ {
			time.Sleep(25 * time.Millisecond)
		}
		// And reads the screen once it has settled: a look-up the key started may still fill
		// a field (on a loaded machine its answer can come after the first redraw).
		settled(x)
	}
	checked := map[string]bool{}
	check := func(s string) {
		for _, step := range o.checkAt {
			if !checked[step] && currentStep(s) == step {
				checked[step] = true
				helpPanelInItsColumn(t, step, s)
			}
		}
	}
	check(s)
	// The help panel marks the chosen API's id with ●; → steps to the next one.
	for range catalog.Flows() {
		if strings.Contains(x.screen(false), "● "+string(o.api)) {
			break
		}
		send("Right")
	}
	if s = x.screen(false); !strings.Contains(s, "● "+string(o.api)) {
		t.Fatalf("→ never chose %s:\n%s", o.api, s)
	}
	// Enter takes each step's documented defaults, one Enter per step, up to review.
	for i := 0; i < maxKeys && !strings.Contains(s, "Request body (exactly what is sent)"); i++ {
		send("Enter")
		s = x.screen(false)
		check(s)
	}
	if !strings.Contains(s, "Request body (exactly what is sent)") {
		t.Fatalf("did not reach review in %d keys:\n%s", keys, s)
	}
	for _, want := range []string{o.product, "y place order"} {
		if !strings.Contains(s, want) {
			t.Fatalf("review lacks %q:\n%s", want, s)
		}
	}
	for _, step := range o.checkAt {
		if !checked[step] {
			t.Errorf("never saw the %s step", step)
		}
	}

	// A person reads the review before answering: a y within placement.Debounce of the
	// question appearing is taken as typed ahead and ignored.
	time.Sleep(placement.Debounce + 250*time.Millisecond)
	x.run("send-keys", "-t", "wiz", "y")
	keys++
	s = x.waitFor("Order placed", false, 30*time.Second)
	if keys > maxKeys {
		t.Fatalf("%d keystrokes from launch to the order ID, want at most %d", keys, maxKeys)
	}
	t.Logf("%s: %d keystrokes from launch to the order ID", o.name, keys)
	id := regexp.MustCompile(`order id:\s+(\S+)`).FindStringSubmatch(s)
	if id == nil {
		t.Fatalf("no order id on the result screen:\n%s", s)
	}

	// c puts the order id on the terminal's clipboard (OSC 52), which tmux keeps as a buffer.
	x.run("send-keys", "-t", "wiz", "c")
	if got := clipboard(x, 10*time.Second); got != id[1] {
		t.Errorf("c put %q on the clipboard, want the order id %q", got, id[1])
	}

	x.run("send-keys", "-t", "wiz", "q")
	// An order created unpaid (DSC) asks before quitting without paying it: yes, after reading.
	s = x.waitForAny(true, 30*time.Second, "EXIT=0", "Quit without paying?")
	if !strings.Contains(s, "EXIT=0") {
		time.Sleep(placement.Debounce + 250*time.Millisecond)
		x.run("send-keys", "-t", "wiz", "y")
		s = x.waitFor("EXIT=0", true, 30*time.Second)
	}
	if !strings.Contains(s, "order_id: "+id[1]) || !strings.Contains(s, "request_id: ") {
		t.Fatalf("order_id %s not in the scrollback after exit:\n%s", id[1], s)
	}
	// An order left unpaid: the exit lines say how to pay it where it was sent (--sandbox).
	if o.api == flows.HuaweiDSC && !strings.Contains(s, "`cloudorder pay "+id[1]+" --sandbox`") {
		t.Errorf("the exit lines do not give the pay command with --sandbox:\n%s", s)
	}
	history, err := os.ReadFile(filepath.Join(dir, "state", "cloudorder", "orders.jsonl"))
	if err != nil || !strings.Contains(string(history), id[1]) {
		t.Fatalf("history does not record %s: %v\n%s", id[1], err, history)
	}
}

// clipboard is what the program last put on the terminal's clipboard, as tmux received it
// (set-clipboard on: an OSC 52 from the pane becomes a paste buffer), waiting up to within
// for one to arrive; "" if none did.
func clipboard(x tmux, within time.Duration) string {
	x.t.Helper()
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		out, err := exec.Command("tmux", "-L", x.socket, "-f", "/dev/null", "show-buffer").Output()
		if err == nil {
			return string(out)
		}
	}
	return ""
}

// currentStep is the title of the screen: the text before " — " on the line under the
// breadcrumb.
func currentStep(screen string) string {
	lines := strings.Split(screen, "\n")
	if len(lines) < 3 {
		return ""
	}
	title, _, _ := strings.Cut(lines[2], " — ")
	return strings.TrimSpace(title)
}

// helpPanelInItsColumn checks that the help panel sits right of the form on every body line,
// behind one bar in one column, and starts with the focused field's title.
func helpPanelInItsColumn(t *testing.T, step, screen string) {
	t.Helper()
	col, lines := -1, 0
	for _, l := range strings.Split(screen, "\n") {
		i := strings.Index(l, "│")
		if i < 0 {
			continue
		}
		c := utf8.RuneCountInString(l[:i])
		if col < 0 {
			col = c
		}
		if c != col {
			t.Fatalf("%s: the help panel's bar moves from column %d to %d:\n%s", step, col, c, screen)
		}
		lines++
	}
	if col < 50 || lines < 30 {
		t.Fatalf("%s: the help panel is not in a column of its own (bar at column %d on %d lines):\n%s", step, col, lines, screen)
	}
}

func TestWizardQuitBeforeSendingSaysSo(t *testing.T) {
	needTmux(t)
	x, _ := startWizard(t, cloudorderBinary(t), "quit", "--sandbox", "--lang", "en")
	x.waitFor("enter next", false, 30*time.Second)
	for range 5 {
		x.run("send-keys", "-t", "wiz", "Enter")
	}
	x.waitFor("y place order", false, 30*time.Second)
	x.run("send-keys", "-t", "wiz", "C-c")
	s := x.waitFor("EXIT=0", true, 30*time.Second)
	if !strings.Contains(s, "cancelled — nothing was sent") {
		t.Fatalf("ctrl+c on the review does not say nothing was sent:\n%s", s)
	}
}

func TestWizardRefusesWithoutTerminalAndBadFlags(t *testing.T) {
	bin := cloudorderBinary(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "needs a terminal"},
		{[]string{"--sandbox"}, "needs a terminal"},
		{[]string{"--bogus"}, "unknown flag --bogus"},
		{[]string{"--sandbox", "--dry-run"}, "exclude each other"},
		{[]string{"--lang", "fr"}, "--lang must be en or zh"},
		{[]string{"--timeout", "0s"}, "--timeout must be positive"},
		{[]string{"--from", "/does/not/exist.json"}, "exist.json"},
	} {
		cmd := exec.Command(bin, tc.args...)
		cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
		out, err := cmd.CombinedOutput()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), tc.want) {
			t.Errorf("cloudorder %v: err %v, output %q; want exit 2 saying %q", tc.args, err, out, tc.want)
		}
	}
}

// Live mode with no credentials anywhere: the first screen names what is missing and where
// it was looked for, before any field is filled.
func TestWizardLiveNamesMissingCredentialsFirst(t *testing.T) {
	needTmux(t)
	x, _ := startWizard(t, cloudorderBinary(t), "nocreds", "--lang", "en")
	s := x.waitFor("enter next", false, 30*time.Second)
	flat := strings.Join(strings.Fields(s), " ")
	for _, want := range []string{"LIVE", "Credentials orders will use", "✗ Alibaba Cloud: missing", "ALIBABA_CLOUD_ACCESS_KEY_ID", "✗ Huawei Cloud: missing", "HUAWEICLOUD_SDK_AK", "looked at"} {
		if !strings.Contains(flat, want) {
			t.Fatalf("the first screen lacks %q:\n%s", want, s)
		}
	}
	x.run("send-keys", "-t", "wiz", "C-c")
	x.waitFor("EXIT=", true, 30*time.Second)
}

// A separately started `cloudorder sandbox` reached with --endpoint answers the identity
// probe: the wizard says SANDBOX, never LIVE.
func TestWizardEndpointOfARunningSandboxSaysSandbox(t *testing.T) {
	needTmux(t)
	bin := cloudorderBinary(t)
	url, env := runningSandboxEnv(t, bin)
	if url == "" || len(env) < 4 {
		t.Fatalf("the sandbox printed no endpoint or keys (%q, %v)", url, env)
	}
	x, _ := startWizardEnv(t, bin, "endpoint", env, "--endpoint", url, "--lang", "en")
	s := x.waitFor("enter next", false, 30*time.Second)
	if !strings.Contains(s, "SANDBOX") || strings.Contains(s, "LIVE") {
		t.Fatalf("--endpoint %s of a running sandbox is not announced as SANDBOX:\n%s", url, s)
	}
	x.run("send-keys", "-t", "wiz", "C-c")
	x.waitFor("EXIT=", true, 30*time.Second)
}

// Another server on this machine (not the sandbox: it does not answer the identity probe) is
// announced as LOCAL ENDPOINT with its URL, never as LIVE or SANDBOX.
func TestWizardOtherLoopbackEndpointSaysLocalEndpoint(t *testing.T) {
	needTmux(t)
	srv := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(srv.Close)
	x, _ := startWizard(t, cloudorderBinary(t), "local", "--endpoint", srv.URL, "--lang", "en")
	s := x.waitFor("enter next", false, 30*time.Second)
	if !strings.Contains(s, "LOCAL ENDPOINT "+srv.URL) || strings.Contains(s, "LIVE") || strings.Contains(s, "SANDBOX") {
		t.Fatalf("--endpoint %s (not the sandbox):\n%s", srv.URL, s)
	}
	x.run("send-keys", "-t", "wiz", "C-c")
	x.waitFor("EXIT=", true, 30*time.Second)
}
