package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
)

// syncInput points the one text input at the focused text field. Answers live in flows; the
// input only edits the focused one, so moving around never loses or duplicates text.
func (m *Model) syncInput() {
	r, ok := m.focused()
	if !ok || r.kind != rowText {
		m.input.Blur()
		m.inPath = ""
		return
	}
	if m.inPath == r.path() {
		return
	}
	m.inPath = r.path()
	m.input.SetValue(m.valueOf(r))
	m.input.CursorEnd()
	m.input.placeholder = r.slot.Field.Example
	m.input.Focus()
}

// typeText hands a key to the text input and records the result as the answer, so the
// field's check runs as the person types.
func (m *Model) typeText(r row, msg tea.KeyPressMsg) tea.Cmd {
	before := m.input.Value()
	m.input.Update(msg)
	if v := m.input.Value(); v != before {
		m.set(r.path(), v)
	}
	return nil
}

// paste inserts pasted text: trimmed and on one line, since every field is single-line and
// a stray newline or space in a pasted ID would make it invalid.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	switch {
	case m.scr == scrReview && m.saving:
		m.saveInput.Update(tea.PasteMsg{Content: oneLine(msg.Content, false)})
		return nil
	case m.scr != scrStep || m.ask != askNone:
		return nil
	case m.pick.open:
		m.pick.filter += oneLine(msg.Content, false)
		m.pick.idx = 0
		return nil
	}
	r, ok := m.focused()
	if !ok {
		return nil
	}
	switch r.kind {
	case rowText:
		list := r.slot.Field.Kind == flows.StringList
		before := m.input.Value()
		m.input.Update(tea.PasteMsg{Content: oneLine(msg.Content, list)})
		if v := m.input.Value(); v != before {
			m.set(r.path(), v)
		}
		return nil
	case rowChoice, rowAPI:
		m.openPicker(r, oneLine(msg.Content, false))
	}
	return nil
}

// oneLine trims pasted text and joins its lines: with ", " for a list field, else with nothing.
func oneLine(s string, list bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	sep := ""
	if list {
		sep = ", "
	}
	return strings.Join(parts, sep)
}
