package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/flows"
	"cloudorder/providers"
)

// View implements tea.Model: header (banner, breadcrumb, title), the screen's body, and a
// footer (notice, question, key help), clipped to the window so nothing ever overflows.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "cloudorder"
	return v
}

func (m *Model) render() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	header := m.header()
	footer := m.footer()
	bh := max(m.h-strings.Count(header, "\n")-1-lineCount(footer), 1)
	body := m.body(bh)
	out := header + "\n" + fitHeight(body, bh)
	if footer != "" {
		out += "\n" + footer
	}
	return clip(out, m.w, m.h)
}

// bodySize is the room left for the body between header and footer.
func (m *Model) bodySize() (int, int) {
	h := m.h - strings.Count(m.header(), "\n") - 1 - lineCount(m.footer())
	return max(m.w, 1), max(h, 1)
}

func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// header is the banner, breadcrumb and title. It only changes with the screen, so it is
// rendered once per screen and size and reused for every key press.
func (m *Model) header() string {
	key := fmt.Sprintf("%d|%d|%d|%d|%p|%s|%v", m.w, m.h, m.scr, m.step, m.api, m.lang, m.isDark)
	if m.cache != nil && m.cache.headerKey == key {
		return m.cache.header
	}
	h := m.banner() + "\n" + m.crumbs() + "\n" + m.title()
	if m.h >= 20 {
		h += "\n" // room to breathe when there is room
	}
	if m.cache != nil {
		m.cache.headerKey, m.cache.header = key, h
	}
	return h
}

// banner says where orders go, on every screen; LIVE is the loudest.
func (m *Model) banner() string {
	var st lipgloss.Style
	var t flows.Text
	switch m.o.Mode {
	case providers.Live:
		st, t = m.st.BannerLive, txtBannerLive
	case providers.DryRun:
		st, t = m.st.BannerDryRun, txtBannerDryRun
	default:
		st, t = m.st.BannerSandbox, txtBannerSandbox
	}
	text := m.say(t)
	if m.o.Mode == providers.Live {
		text = "!! " + text + " !!"
	}
	return st.Width(max(m.w, 1)).MaxWidth(max(m.w, 1)).Render(ansi.Truncate(text, max(m.w-2, 1), "…"))
}

// crumbs is the breadcrumb of the API's steps plus review; skipped steps do not appear.
func (m *Model) crumbs() string {
	var parts []string
	now := m.step
	if m.scr != scrStep {
		now = len(m.steps)
	}
	for i, st := range m.steps {
		t := flows.StepTitle[st].In(m.lang)
		switch {
		case i == now:
			parts = append(parts, m.st.CrumbNow.Render(t))
		case i < now:
			parts = append(parts, m.st.CrumbDone.Render("✓ "+t))
		default:
			parts = append(parts, m.st.Crumb.Render(t))
		}
	}
	rv := m.say(txtReview)
	if now == len(m.steps) {
		parts = append(parts, m.st.CrumbNow.Render(rv))
	} else {
		parts = append(parts, m.st.Crumb.Render(rv))
	}
	full := strings.Join(parts, m.st.Crumb.Render(" › "))
	if ansi.StringWidth(full) <= m.w {
		return full
	}
	// Narrow: where the person is and what comes next, with the position in the whole.
	pos := m.st.Crumb.Render(fmt.Sprintf("%d/%d ", min(now, len(m.steps))+1, len(m.steps)+1))
	return ansi.Truncate(pos+strings.Join(parts[min(now, len(parts)-1):], m.st.Crumb.Render(" › ")), m.w, "…")
}

func (m *Model) title() string {
	var t string
	switch m.scr {
	case scrReview:
		t = m.say(txtReview)
	case scrSubmitting:
		t = m.say(txtSubmitting)
	case scrResult:
		t = m.say(txtResult)
	default:
		t = flows.StepTitle[m.steps[m.step]].In(m.lang)
	}
	s := m.st.Title.Render(t)
	if m.api != nil {
		s += m.st.Subtitle.Render(" — " + m.api.Title.In(m.lang))
	}
	return ansi.Truncate(s, m.w, "…")
}

// footer holds the notice of the last action, an open question or prompt, and key help.
func (m *Model) footer() string {
	var lines []string
	w := max(m.w, 1)
	if m.notice != "" {
		st := m.st.Notice
		if m.noticeBad {
			st = m.st.Error.Bold(true)
		}
		lines = append(lines, st.Render(ansi.Wrap(m.notice, w, " ")))
	}
	if q := m.question(); q != "" {
		lines = append(lines, m.st.Notice.Render(ansi.Wrap("? "+q, w, " ")))
	}
	if m.saving {
		m.saveInput.SetWidth(max(w-ansi.StringWidth(m.say(txtSaveAsk))-3, 4))
		lines = append(lines, m.st.Title.Render(m.say(txtSaveAsk)+": ")+m.saveInput.View())
	}
	m.help.SetWidth(w)
	m.help.ShowAll = m.showAll
	if hv := m.help.View(m.keys()); hv != "" {
		lines = append(lines, hv)
	}
	return strings.Join(lines, "\n")
}

// question is the text of the open yes/no question.
func (m *Model) question() string {
	switch m.ask {
	case askDuplicate:
		if m.recent.Err != nil || m.recent.Outcome == "unknown" { // it may exist: ask as for an unknown outcome
			return m.say(txtUnknownAsk)
		}
		ago := m.o.now().Sub(m.recent.At).Round(1e9).String()
		return flows.Tf(txtDupAsk.EN, txtDupAsk.ZH, ago, providers.Printable(m.recent.OrderID)).In(m.lang)
	case askUnknown:
		return m.say(txtUnknownAsk)
	case askQuit:
		return m.say(txtQuitAsk)
	case askOverwrite:
		return flows.Tf(txtSaveExists.EN, txtSaveExists.ZH, m.savePath).In(m.lang)
	}
	return ""
}

func (m *Model) body(h int) string {
	switch m.scr {
	case scrReview:
		return m.reviewBody(h)
	case scrSubmitting:
		return m.submittingBody()
	case scrResult:
		return m.resultBody()
	}
	return m.stepBody(h)
}

func (m *Model) reviewBody(h int) string {
	w := max(m.w, 1)
	top := m.errorPanel(w)
	if m.wide() {
		// The summary column was clipped and padded once in layoutReview; joining line by
		// line keeps a scroll key cheap.
		right := strings.Split(m.st.SectionTitle.Render(m.say(txtBodyTitle))+"\n"+m.reviewWindow(), "\n")
		left := strings.Split(m.left, "\n")
		rows := make([]string, max(h, 1))
		for i := range rows {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			rows[i] = l + "   " + r
		}
		cols := strings.Join(rows, "\n")
		if top != "" {
			return top + "\n" + cols
		}
		return cols
	}
	if top != "" {
		return top + "\n" + m.reviewWindow()
	}
	return m.reviewWindow()
}

func (m *Model) submittingBody() string {
	var b strings.Builder
	if m.checking {
		b.WriteString(m.spin.View() + " " + m.say(txtChecking) + "\n")
	} else {
		b.WriteString(m.spin.View() + " " + m.say(txtSubmitting) + " · " + m.say(txtElapsed) + " " + m.elapsed().Round(1e8).String() + "\n")
	}
	b.WriteString(m.st.Muted.Render(ansi.Wrap(m.say(txtSending), max(m.w, 1), " ")) + "\n\n")
	b.WriteString(m.st.Muted.Render(m.say(txtAPIField)+": ") + string(m.api.ID) + "\n")
	b.WriteString(m.st.Muted.Render(m.say(txtEndpoint)+": ") + orNone(m, m.target.Endpoint))
	return b.String()
}

func (m *Model) resultBody() string {
	var b strings.Builder
	b.WriteString(m.st.OK.Render("✓ "+m.say(txtPlaced)) + "\n\n")
	b.WriteString(m.say(txtOrderID) + ":   " + m.st.IDValue.Render(providers.Printable(m.result.OrderID)) + "\n")
	b.WriteString(m.say(txtRequestID) + ": " + m.st.Value.Render(providers.Printable(m.result.RequestID)) + "\n")
	if len(m.result.Response) > 0 {
		b.WriteString("\n" + m.st.SectionTitle.Render(m.say(txtResponse)) + "\n")
		for _, k := range sortedKeys(m.result.Response) {
			b.WriteString("  " + m.st.Muted.Render(k+": ") + jsonValue(m.result.Response[k]) + "\n")
		}
	}
	b.WriteString("\n" + m.st.Muted.Render(ansi.Wrap(m.say(txtScrollIDs), max(m.w, 1), " ")))
	if m.copied {
		b.WriteString("\n" + m.st.OK.Render(m.say(txtCopied)))
	}
	return b.String()
}

// clip cuts s to at most h lines of at most w cells: the last guard against overflow at any
// window size.
func clip(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		// A line of at most w bytes is at most w cells wide: skip measuring it.
		if len(l) > w && ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// fitHeight pads or cuts s to exactly h lines, so the footer stays at the bottom.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
