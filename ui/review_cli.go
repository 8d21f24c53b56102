package ui

import (
	"errors"
	"io/fs"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/providers"
	"cloudorder/providers/clicmd"
)

// The review's third view: the order on review as its cloud's own CLI command (aliyun,
// hcloud), rendered by providers/clicmd for the endpoint cloudorder itself would call — for
// reviewers and teams who run orders through their own toolchain. c copies it, x picks
// another shell, and s saves it beside the order file.

// The review's views, in the order tab cycles through them.
const (
	paneSummary = iota
	paneJSON
	paneCommand
	reviewPanes
)

// commandPane is the command view's state.
type commandPane struct {
	vp    viewport.Model
	view  paneCache
	ready bool

	shell clicmd.Shell // sh until x picks another
	text  string       // clicmd.Render's text for the order on review: what c copies and s saves
	err   error        // why there is no text
	body  []byte       // the order body text was rendered for (held, so its address stays its own)
	of    string       // and the rest of what it was rendered for: API, region, endpoint, shell, language
	made  int          // counts renderings: what layoutCommand's key says of the text
	laid  string       // the width, text and styles the viewport was filled for

	save *commandSave // a command to write once the order file is written
}

// commandSave is a command waiting to be written beside the order file being saved. It is
// taken when s is pressed, so it is exactly the command on screen then.
type commandSave struct {
	cli   providers.CLI // the order's target's: how its cloud's tool calls the API
	shell clicmd.Shell
	text  string
	order string // the order file written
	path  string // the command file refused as existing, for the overwrite question
}

// commandSavedMsg is the result of writing the command file.
type commandSavedMsg struct {
	path   string
	err    error
	exists bool // the file exists and overwrite was not confirmed
}

// command renders the order on review for the chosen shell, once per change of the order,
// where it goes, the shell or the language. The key help asks on every key press, so the
// check costs the same for an order of any size: an order is built anew (flows.API.Build)
// whenever its answers change, and a body never changes in place, so the body held here is
// the one on review exactly when it is the same bytes at the same address.
func (r *reviewScreen) command() (string, error) {
	s, c := r.s, &r.cmd
	if c.shell == "" {
		c.shell = clicmd.SH
	}
	o := s.order
	of := strings.Join([]string{string(o.API), o.Region, o.ProjectID, s.target.Endpoint, string(c.shell), string(s.lang)}, "\x00")
	if of == c.of && c.made > 0 && sameBytes(c.body, o.Body) {
		return c.text, c.err
	}
	c.of, c.body = of, o.Body
	c.made++
	c.text, c.err = "", nil
	if s.target.Endpoint == "" {
		// Without a provider (a dry run that could not open one) the endpoint is unknown, and
		// a command without the right endpoint would go elsewhere than cloudorder would.
		c.err = errors.New(s.say(txtNoEndpoint))
	} else {
		c.text, c.err = clicmd.Render(s.review.API, o, s.target, c.shell, s.lang)
	}
	return c.text, c.err
}

// commandKeys enables c and x on the command view; c only when there is a command to copy.
func (r *reviewScreen) commandKeys(k *ReviewKeyMap) {
	on := r.pane == paneCommand
	k.Shell.SetEnabled(on)
	if !on { // the command is rendered only once its view is open
		k.Copy.SetEnabled(false)
		return
	}
	_, err := r.command()
	k.Copy.SetEnabled(err == nil)
}

// copyCommand sends the command to the terminal's clipboard. OSC 52 gives no answer, so the
// notice says the terminal may not have honoured it.
func (r *reviewScreen) copyCommand() tea.Cmd {
	text, err := r.command()
	if err != nil {
		return nil
	}
	r.s.note(r.s.say(tf(txtCommandCopied, r.tool())), false)
	return tea.SetClipboard(text)
}

// nextShell cycles sh → pwsh → cmd.
func (r *reviewScreen) nextShell() {
	c := &r.cmd
	for i, sh := range clicmd.Shells {
		if sh == c.shell || c.shell == "" {
			c.shell = clicmd.Shells[(i+1)%len(clicmd.Shells)]
			return
		}
	}
	c.shell = clicmd.SH
}

// markCommandSave takes the command along when s is pressed on the command view (only the
// order file is saved from the other views), and says where it will go.
func (r *reviewScreen) markCommandSave() {
	c := &r.cmd
	c.save = nil
	text, err := r.command()
	if r.pane != paneCommand || err != nil {
		return
	}
	c.save = &commandSave{cli: r.s.target.CLI, shell: c.shell, text: text}
	ext := strings.TrimPrefix(clicmd.ScriptPath("x.json", c.save.cli, c.shell), "x")
	r.s.note(r.s.say(tf(txtCommandAlso, r.tool(), ext)), false)
}

// tool names the CLI of the order on review ("aliyun", "hcloud").
func (r *reviewScreen) tool() string {
	if m, ok := clicmd.For(r.s.target.CLI); ok {
		return m.Tool
	}
	return "CLI"
}

// commandTitle is the view's title: "aliyun CLI command (sh)", or "Command (sh)" when short.
func (r *reviewScreen) commandTitle(short bool) string {
	sh := string(r.cmd.shell)
	if sh == "" {
		sh = string(clicmd.SH)
	}
	if short {
		return r.s.say(tf(txtCommandShort, sh))
	}
	return r.s.say(tf(txtCommandTitle, r.tool(), sh))
}

// tabs names the three views on a narrow review, the current one underlined; the longest
// wording that fits is used.
func (r *reviewScreen) tabs(title func(string, bool) string) string {
	s := r.s
	sep := s.st.Muted.Render(" · ")
	line := func(body string, shortCmd bool) string {
		return title(s.say(txtSummary), r.pane == paneSummary) + sep + title(body, r.pane == paneJSON) + sep +
			title(r.commandTitle(shortCmd), r.pane == paneCommand)
	}
	for _, t := range []string{line(s.say(txtBodyTitle), false), line(s.say(txtBodyShort), false)} {
		if lipgloss.Width(t) <= r.w {
			return t
		}
	}
	return truncLine(line(s.say(txtBodyShort), true), r.w)
}

// layoutCommand sizes the command's viewport and, while its view is open, fills it when the
// command or the width changed; a new command is shown from its top. (An order of a thousand
// items renders in tens of milliseconds: not on opening the review, only on asking for it.)
func (r *reviewScreen) layoutCommand(w, h int) {
	c := &r.cmd
	if !c.ready {
		c.vp, c.ready = viewport.New(), true
	}
	c.vp.SetWidth(w)
	c.vp.SetHeight(h)
	if r.pane != paneCommand {
		return
	}
	before := c.made
	text, err := r.command()
	laid := itoa(w) + "|" + itoa(c.made) + "|" + boolStr(r.s.isDark)
	if laid == c.laid {
		return
	}
	c.laid = laid
	if c.made != before {
		c.vp.GotoTop()
	}
	st := r.s.st
	if err != nil {
		why := r.s.say(tf(txtCommandNone, err))
		if r.s.target.Endpoint != "" {
			why += "\n" + r.s.say(txtCommandOtherShell) // cmd.exe refuses some text that pwsh takes
		}
		c.vp.SetContent(st.Error.Render(wrapWords(why, w)))
	} else {
		c.vp.SetContent(commandLines(text, w, st.Muted, st.JSON))
	}
	c.view.version++
}

// sameBytes reports whether a and b are the same slice of memory (not merely equal bytes).
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// commandLines fits the command to w cells without changing a character: a comment line
// wraps at its spaces, a command line is cut at exactly w cells and continues on the next
// screen line (the line breaks the shell sees are the text's own). wrapWords is not used for
// command lines: it folds runs of spaces, which may sit inside the JSON's strings.
func commandLines(text string, w int, comment, code lipgloss.Style) string {
	w = max(w, 1)
	var out []string
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "REM ") {
			out = append(out, comment.Render(wrapWords(l, w)))
			continue
		}
		out = append(out, code.Render(ansi.Hardwrap(l, w, true)))
	}
	return strings.Join(out, "\n")
}

// saveCommandAfter writes the command taken by s once its order file is written; a refused
// or failed order file takes no command with it.
func (m *wizard) saveCommandAfter(msg savedMsg) tea.Cmd {
	c := &m.review.cmd
	p := c.save
	if p == nil || msg.exists {
		return nil // no command, or the overwrite question for the order file is open
	}
	c.save = nil
	if msg.err != nil {
		return nil
	}
	p.order = msg.path
	c.save = p
	return saveCommandCmd(*p, false)
}

// saveCommandCmd writes the command beside the order file (clicmd.Save: mode 0600, never
// replacing a file unless overwrite).
func saveCommandCmd(p commandSave, overwrite bool) tea.Cmd {
	return func() tea.Msg {
		path, err := clicmd.Save(p.order, p.cli, p.shell, p.text, overwrite)
		if errors.Is(err, fs.ErrExist) {
			return commandSavedMsg{path: path, exists: true}
		}
		return commandSavedMsg{path: path, err: err}
	}
}

// gotCommandSaved reports the command file, or asks before replacing an existing one.
func (m *wizard) gotCommandSaved(msg commandSavedMsg) {
	s, c := m.s, &m.review.cmd
	if c.save == nil {
		return
	}
	switch {
	case msg.exists:
		c.save.path = msg.path
		m.ask = askOverwriteCommand
		return
	case msg.err != nil:
		s.note(s.say(tf(txtCommandNotSaved, c.save.order, msg.err)), true)
	default:
		s.note(s.say(tf(txtSavedBoth, c.save.order, msg.path)), false)
		s.out.Saved = append(s.out.Saved, msg.path)
	}
	c.save = nil
}

// overwriteCommand answers the overwrite question for the command file.
func (m *wizard) overwriteCommand(yes bool) tea.Cmd {
	c := &m.review.cmd
	p := c.save
	if p == nil {
		return nil
	}
	if !yes {
		c.save = nil
		return nil
	}
	return saveCommandCmd(*p, true)
}

// commandQuestion is the overwrite question's text.
func (m *wizard) commandQuestion() string {
	if p := m.review.cmd.save; p != nil {
		return m.s.say(tf(txtSaveExists, p.path))
	}
	return ""
}
