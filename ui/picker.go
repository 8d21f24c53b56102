package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
)

// picker is the open list of a field's values, filtered by what the person types.
type picker struct {
	open   bool
	path   string
	filter string
	idx    int // index into the filtered options
}

// openPicker opens the value list of r, its cursor on the current value.
func (m *Model) openPicker(r row, filter string) {
	if len(m.optionsOf(r)) == 0 {
		return
	}
	m.pick = picker{open: true, path: r.path(), filter: filter}
	cur := m.valueOf(r)
	for i, o := range m.filtered(r) {
		if o.Value == cur {
			m.pick.idx = i
		}
	}
}

// filtered returns the options of r matching the filter in value or either language's label.
func (m *Model) filtered(r row) []flows.Option {
	opts := m.optionsOf(r)
	f := strings.ToLower(m.pick.filter)
	if f == "" {
		return opts
	}
	var out []flows.Option
	for _, o := range opts {
		hay := strings.ToLower(o.Value + " " + o.Label.EN + " " + o.Label.ZH)
		if strings.Contains(hay, f) {
			out = append(out, o)
		}
	}
	return out
}

// keyPicker handles a key while the list is open.
func (m *Model) keyPicker(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys()
	r, ok := m.focused()
	if !ok {
		m.pick = picker{}
		return nil
	}
	opts := m.filtered(r)
	switch {
	case matches(msg, k.Up):
		m.pick.idx = max(m.pick.idx-1, 0)
	case matches(msg, k.Down):
		m.pick.idx = min(m.pick.idx+1, max(len(opts)-1, 0))
	case matches(msg, k.Pick):
		if m.pick.idx < len(opts) {
			v := opts[m.pick.idx].Value
			m.pick = picker{}
			m.choose(r, v)
		}
	case matches(msg, k.Cancel), matches(msg, k.List):
		m.pick = picker{}
	case msg.String() == "backspace":
		if f := []rune(m.pick.filter); len(f) > 0 {
			m.pick.filter = string(f[:len(f)-1])
			m.pick.idx = 0
		}
	case msg.Text != "":
		m.pick.filter += msg.Text
		m.pick.idx = 0
	}
	return nil
}
