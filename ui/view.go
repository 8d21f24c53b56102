package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cloudorder/placement"
	"cloudorder/providers"
)

// View implements tea.Model: header (banner, breadcrumb, title), the active screen, and a
// footer (notice, question or prompt, key help), clipped to the window.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "cloudorder"
	return v
}

func (m *wizard) render() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	header := m.header()
	notes, keys := m.footerTop(), m.footerKeys()
	m.result.asking = m.ask == askPay
	c := m.active()
	if m.s.showAll {
		// The full key help is as tall as it is: size the body around it.
		footer := joinNonEmpty(notes, m.keyHelp(keys))
		bh := max(m.h-lineCount(header)-lineCount(footer), 1)
		c.SetSize(m.w, bh)
		return clip(joinNonEmpty(header, fitHeight(c.View(), bh), footer), m.w, m.h)
	}
	// The one-line hint is drawn after the body, so it shows the keys of the state the body
	// just drew (a help panel that now scrolls, say).
	bh := max(m.h-lineCount(header)-lineCount(notes)-1, 1)
	c.SetSize(m.w, bh)
	body := fitHeight(c.View(), bh)
	return clip(joinNonEmpty(header, body, notes, m.keyHelp(keys)), m.w, m.h)
}

func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

// headerCache keeps the header, which changes only with the screen, step and size.
type headerCache struct{ key, text string }

func (m *wizard) header() string {
	key := fmt.Sprintf("%d|%d|%d|%d|%p|%s|%v|%d", m.w, m.h, m.scr, m.form.step, m.s.api, m.s.lang, m.s.isDark, len(m.s.steps))
	if m.head.key == key {
		return m.head.text
	}
	h := m.banner() + "\n" + m.crumbs() + "\n" + m.title()
	if m.h >= 24 {
		h += "\n" // room to breathe when there is room
	}
	m.head = headerCache{key, h}
	return h
}

// banner says where orders go, on every screen; LIVE is the loudest. On a narrow window it
// shortens to a variant that fits, never cut mid-word.
func (m *wizard) banner() string {
	s := m.s
	var st lipgloss.Style
	endpoint := ""
	switch s.o.Mode {
	case providers.Sandbox:
		st = s.st.BannerSandbox
	case providers.DryRun:
		st = s.st.BannerDryRun
	case providers.LocalEndpoint:
		st = s.st.BannerLocal
		if s.o.Provider != nil && s.api != nil {
			endpoint = s.o.Provider.Target(s.api.ID, s.a().Get("region")).Endpoint
		}
	default: // live, or a mode this banner does not know: never claim it is safe
		st = s.st.BannerLive
	}
	variants := s.o.Mode.Banner(endpoint)
	w := max(m.w, 1)
	text := s.say(variants[len(variants)-1])
	for _, v := range variants {
		if lipgloss.Width(s.say(v))+st.GetHorizontalFrameSize() <= w {
			text = s.say(v)
			break
		}
	}
	return st.Width(w).MaxWidth(w).Render(text)
}

// crumbs is the breadcrumb of the API's steps plus review; on a narrow window it keeps the
// position, the current step and what follows, as far as it fits.
func (m *wizard) crumbs() string {
	s := m.s
	now := m.form.step
	if m.scr != scrForm {
		now = len(s.steps)
	}
	var parts []string
	titles := make([]string, 0, len(s.steps)+1)
	for _, st := range s.steps {
		titles = append(titles, stepTitle(s, st))
	}
	titles = append(titles, s.say(txtReview))
	for i, t := range titles {
		switch {
		case i == now:
			parts = append(parts, s.st.CrumbNow.Render(t))
		case i < now:
			parts = append(parts, s.st.CrumbDone.Render("✓ "+t))
		default:
			parts = append(parts, s.st.Crumb.Render(t))
		}
	}
	sep := s.st.Crumb.Render(" › ")
	if full := strings.Join(parts, sep); lipgloss.Width(full) <= m.w {
		return full
	}
	pos := s.st.Crumb.Render(fmt.Sprintf("%d/%d ", now+1, len(titles)))
	for end := len(parts); end > now; end-- {
		if c := pos + strings.Join(parts[now:end], sep); lipgloss.Width(c) <= m.w {
			return c
		}
	}
	return truncLine(pos+parts[now], m.w)
}

// title names the screen and the API; the API's name goes first when room is short.
func (m *wizard) title() string {
	s := m.s
	var t string
	switch m.scr {
	case scrForm:
		t = m.form.Title()
	case scrReview:
		t = m.review.Title()
	case scrFlight:
		t = m.flight.Title()
	default:
		t = m.result.Title()
	}
	out := s.st.Title.Render(t)
	if sub := s.st.Subtitle.Render(" — " + s.api.Title.In(s.lang)); lipgloss.Width(out+sub) <= m.w {
		out += sub
	}
	return truncLine(out, m.w)
}

// footerTop is the notice of the last action and an open question or prompt.
func (m *wizard) footerTop() string {
	s := m.s
	var lines []string
	w := max(m.w, 1)
	if s.notice != "" {
		st := s.st.Notice
		if s.noticeBad {
			st = s.st.Error.Bold(true)
		}
		lines = append(lines, st.Render(wrapWords(s.notice, w)))
	}
	if q := m.question(); q != "" {
		lines = append(lines, s.st.Notice.Render(wrapWords("? "+q, w)))
	}
	if m.saving {
		m.save.SetSize(w, 1)
		lines = append(lines, m.save.View())
	}
	return strings.Join(lines, "\n")
}

// footerKeys is whose keys the footer shows: an open question's, the prompt's, or the screen's.
func (m *wizard) footerKeys() help.KeyMap {
	switch {
	case m.ask == askQuit:
		k := m.askKm
		k.Interrupt.SetEnabled(false) // y or n answers this one
		return k
	case m.ask == askDuplicate || m.ask == askUnknown:
		k := m.askKm
		k.Yes = k.Again // y does not answer "again?": the footer must not offer it
		return k
	case m.ask != askNone:
		return m.askKm
	case m.saving:
		return m.save
	}
	return m.active()
}

// keyHelp is the key help: every key when asked for (?), else one line that fits.
func (m *wizard) keyHelp(keys help.KeyMap) string {
	w := max(m.w, 1)
	if m.s.showAll && m.ask == askNone && !m.saving {
		m.help.SetWidth(w)
		return m.help.FullHelpView(keys.FullHelp())
	}
	short := keys.ShortHelp()
	return m.hint.line(m.help, short, w, m.s.isDark)
}

// hintCache keeps the one-line key help by its hints and width: fitting and styling it
// measured every hint on each key (a fifth of a typed key's drawing at 120×40,
// ui/bench_items_test.go), and a key changes the hints only as the focus goes from one kind
// of field to another and back.
type hintCache struct{ lines map[string]string }

func (c *hintCache) line(h help.Model, short []keyBinding, w int, dark bool) string {
	var b strings.Builder
	fmt.Fprint(&b, w, "|", dark)
	for _, k := range short {
		if k.Enabled() { // a disabled hint is never shown
			fmt.Fprint(&b, "|", strings.Join(k.Keys(), ","), "\x00", k.Help().Key, "\x00", k.Help().Desc)
		}
	}
	key := b.String()
	if text, ok := c.lines[key]; ok {
		return text
	}
	if len(c.lines) >= 32 || c.lines == nil {
		c.lines = map[string]string{}
	}
	c.lines[key] = fitHelp(h, short, w, keptKeys(short)...)
	return c.lines[key]
}

// keptKeys are the bindings of a hint line that are never dropped from it: "? more keys",
// the way to every hint a narrow window drops, and the ones that quit.
func keptKeys(bs []keyBinding) []keyBinding {
	var out []keyBinding
	for _, b := range bs {
		switch b.Help().Desc {
		case khHelp.EN, khHelp.ZH, khQuit.EN, khQuit.ZH:
			out = append(out, b)
		}
	}
	return out
}

// question is the text of the open yes/no question.
func (m *wizard) question() string {
	s := m.s
	switch m.ask {
	case askDuplicate:
		if r := s.recent; r.Err != nil || r.Outcome != "ok" {
			// It may exist (an unknown outcome, or a history that cannot rule it out): ask as
			// for an unknown outcome, saying which attempt.
			return s.say(tf(txtDupUnknownAsk, s.say(placement.DescribeRecent(r)))) + m.typedAgain()
		}
		ago := s.o.now().Sub(s.recent.At).Round(1e9).String()
		return s.say(tf(txtDupAsk, ago, providers.Printable(s.recent.OrderID))) + m.typedAgain()
	case askUnknown:
		return s.say(txtUnknownAsk) + m.typedAgain()
	case askQuit:
		return s.say(txtQuitAsk)
	case askOverwrite:
		return s.say(tf(txtSaveExists, m.save.path))
	case askOverwriteCommand:
		return m.commandQuestion()
	case askPay:
		return payQuestion(s)
	case askLeave:
		return s.say(txtLeaveAsk)
	}
	return ""
}

// typedAgain shows what has been typed of the word "place it again?" takes.
func (m *wizard) typedAgain() string {
	if m.q == nil || m.q.Typed() == "" {
		return ""
	}
	return " › " + m.q.Typed()
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") }
func spaces(n int) string             { return strings.Repeat(" ", max(n, 0)) }
func itoa(n int) string               { return strconv.Itoa(n) }
func boolStr(b bool) string           { return strconv.FormatBool(b) }

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
