package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cloudorder/flows"
	"cloudorder/providers"
)

// enterReview builds the order exactly as it will be sent and shows it.
func (m *Model) enterReview() {
	a := m.answers[m.api.ID]
	m.scr = scrReview
	m.pick = picker{}
	m.input.Blur()
	m.inPath = ""
	m.problems = m.api.Validate(a)
	m.order = m.api.Build(a)
	m.target = providers.Target{Mode: m.o.Mode}
	if m.o.Provider != nil {
		m.target = m.o.Provider.Target(m.api.ID, a.Get("region"))
	}
	m.vp = viewport.New()
	m.layoutReview()
}

// wide reports whether the screen has room for side-by-side columns.
func (m *Model) wide() bool { return m.w >= 100 }

// layoutReview sizes the review viewport and fills it. The content is rendered once here
// (on entering review and on resize), so a key press only moves the viewport.
func (m *Model) layoutReview() {
	if m.scr != scrReview && m.scr != scrSubmitting {
		return
	}
	w, h := m.bodySize()
	if p := m.errorPanel(w); p != "" {
		h -= lipgloss.Height(p)
	}
	body := m.st.JSON.Render(m.order.BodyJSON())
	if m.wide() {
		lw := w * 45 / 100
		m.left = padLines(clip(fitHeight(m.reviewSummary(lw), max(h, 1)), lw, max(h, 1)), lw)
		m.vp.SetWidth(max(w-lw-3, 1))
		m.vp.SetHeight(max(h-1, 1))
		m.setReviewContent(body)
		return
	}
	m.left = ""
	m.vp.SetWidth(max(w, 1))
	m.vp.SetHeight(max(h, 1))
	m.setReviewContent(m.reviewSummary(w) + "\n" + m.st.SectionTitle.Render(m.say(txtBodyTitle)) + "\n" + body)
}

// setReviewContent gives the viewport its content (it keeps the scroll position) and keeps
// the lines to show, so drawing a scrolled frame is a slice, not a re-render.
func (m *Model) setReviewContent(s string) {
	m.vp.SetContent(s)
	m.cache.reviewLines = strings.Split(s, "\n")
}

// reviewWindow returns the review lines visible at the viewport's scroll position.
func (m *Model) reviewWindow() string {
	lines := m.cache.reviewLines
	top := min(max(m.vp.YOffset(), 0), len(lines))
	end := min(top+m.vp.Height(), len(lines))
	return strings.Join(lines[top:end], "\n")
}

// reviewSummary is the readable side of review: target, problems, then every answered field
// step by step, as the slots show them.
func (m *Model) reviewSummary(w int) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	kv := func(k, v string) { line(m.st.Muted.Render(k+": ") + m.st.Value.Render(v)) }
	a := m.answers[m.api.ID]

	line(m.st.SectionTitle.Render(m.say(txtTarget)))
	kv(m.say(txtAPIField), string(m.api.ID))
	kv(m.say(txtMode), string(m.target.Mode))
	kv(m.say(txtRegion), a.Get("region"))
	if m.api.FieldAt("project_id") != nil {
		kv(m.say(txtProject), a.Get("project_id"))
	}
	kv(m.say(txtEndpoint), orNone(m, m.target.Endpoint))
	kv(m.say(txtCredential), orNone(m, m.target.Credential))
	kv(m.say(txtKey), orNone(m, m.target.MaskedKey))

	var errs, warns []string
	for _, p := range m.problems {
		s := p.Path + ": " + p.Msg.In(m.lang)
		if p.Warning {
			warns = append(warns, s)
		} else {
			errs = append(errs, s)
		}
	}
	if len(errs) > 0 {
		line("")
		line(m.st.Error.Bold(true).Render("✗ " + m.say(txtProblems)))
		for _, s := range errs {
			line(m.st.Error.Render(wrapIndent(s, w, "  ")))
		}
	}
	if len(warns) > 0 {
		line("")
		line(m.st.Warning.Bold(true).Render("⚠ " + m.say(txtWarnings)))
		for _, s := range warns {
			line(m.st.Warning.Render(wrapIndent(s, w, "  ")))
		}
	}
	line("")
	line(m.st.SectionTitle.Render(m.say(txtSummary)))
	for _, st := range m.steps[1:] {
		m.summarizeStep(&b, st, w)
	}
	return strings.TrimRight(b.String(), "\n")
}

// summarizeStep writes one step's answered fields; items and sections indent like the form.
func (m *Model) summarizeStep(b *strings.Builder, st flows.Step, w int) {
	a := m.answers[m.api.ID]
	b.WriteString(m.st.Heading.Render(flows.StepTitle[st].In(m.lang)) + "\n")
	for _, s := range m.api.Slots(a, st) {
		r := row{kind: kindOf(s, a), slot: s}
		pad := strings.Repeat("  ", s.Depth+1)
		switch r.kind {
		case rowHeading, rowItem:
			title := m.labelOf(r)
			b.WriteString(ansi.Truncate(pad+m.st.Muted.Render(title), w, "…") + "\n")
		default:
			v := m.valueOf(r)
			if v == "" && r.kind != rowGroup {
				continue
			}
			s := pad + m.labelOf(r) + ": " + m.st.Value.Render(m.display(r, v))
			b.WriteString(ansi.Truncate(s, w, "…") + "\n")
		}
	}
}

func orNone(m *Model, s string) string {
	if s == "" {
		return m.say(txtNone)
	}
	return s
}

// wrapIndent wraps s to width w, indenting every line.
func wrapIndent(s string, w int, indent string) string {
	ww := max(w-ansi.StringWidth(indent), 8)
	lines := strings.Split(ansi.Wrap(s, ww, " "), "\n")
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	return strings.Join(lines, "\n")
}

// keyReview handles a key on review. Enter never places an order: only y does.
func (m *Model) keyReview(msg tea.KeyPressMsg) tea.Cmd {
	if m.saving {
		return m.keySave(msg)
	}
	k := m.keys()
	m.notice, m.noticeBad = "", false
	switch {
	case matches(msg, k.Help):
		m.showAll = !m.showAll
	case matches(msg, k.Place):
		return m.place(false)
	case matches(msg, k.Save):
		m.startSave()
	case matches(msg, k.Back):
		m.lastErr = nil
		m.goStep(len(m.steps) - 1)
		return m.startLookups()
	case matches(msg, k.ScrollUp):
		m.vp.ScrollUp(1)
	case matches(msg, k.ScrollDown):
		m.vp.ScrollDown(1)
	case matches(msg, k.PageUp):
		m.vp.PageUp()
	case matches(msg, k.PageDown):
		m.vp.PageDown()
	case msg.String() == "enter":
		if m.o.Mode == providers.DryRun {
			m.notice = m.say(txtEnterDryRun)
		} else {
			m.notice = m.say(txtEnterNoSend)
		}
	case msg.String() == "y" && m.o.Mode == providers.DryRun:
		m.notice = m.say(txtDryRunNoY)
	}
	return nil
}

// errorPanel explains the last failed submission by kind: what happened, the cloud's own
// code, message and request id, and what to do next.
func (m *Model) errorPanel(w int) string {
	if m.lastErr == nil {
		return ""
	}
	var head, hint string
	switch m.failKind {
	case providers.Rejected:
		head, hint = m.say(txtRejected), m.say(txtRejectedHint)
	case providers.Invalid:
		head, hint = m.say(txtInvalid), m.say(txtInvalidHint)
	case providers.NotSent:
		o := providers.OutcomeOf(providers.NotSent)
		head, hint = m.say(o.Headline), m.say(o.Advice)
	default:
		head, hint = m.say(txtUnknown), m.say(txtUnknownHint)
	}
	var lines []string
	lines = append(lines, m.st.Error.Bold(true).Render("✗ "+head))
	var pe *providers.Error
	if asError(m.lastErr, &pe) {
		if pe.Code != "" {
			lines = append(lines, m.say(txtCode)+": "+providers.Printable(pe.Code))
		}
		msg := pe.Message
		if msg == "" && pe.Err != nil {
			msg = pe.Err.Error()
		}
		if msg != "" {
			lines = append(lines, wrapIndent(m.say(txtMessage)+": "+providers.Printable(msg), w-2, ""))
		}
		if pe.RequestID != "" {
			lines = append(lines, m.say(txtRequestID)+": "+providers.Printable(pe.RequestID))
		}
		if pe.HTTPStatus != 0 {
			lines = append(lines, fmt.Sprintf("%s: %d", m.say(txtHTTP), pe.HTTPStatus))
		}
	} else {
		lines = append(lines, wrapIndent(providers.Printable(m.lastErr.Error()), w-2, ""))
	}
	lines = append(lines, m.st.Warning.Render(wrapIndent(hint, w-2, "")))
	return m.st.ErrorPanel.Render(strings.Join(lines, "\n"))
}

// padLines pads every line of s with spaces to w cells.
func padLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if pad := w - ansi.StringWidth(l); pad > 0 {
			lines[i] = l + strings.Repeat(" ", pad)
		}
	}
	return strings.Join(lines, "\n")
}
