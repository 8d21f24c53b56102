package ui

import (
	"slices"
	"strconv"
	"strings"

	"cloudorder/flows"
)

// rowKind is how a row is edited; it follows from the field's kind and options alone, so any
// field a flows file declares gets a widget without ui changes.
type rowKind int

const (
	rowAPI     rowKind = iota // the API choice (StepAPI)
	rowHeading                // an object or properties title: not focusable
	rowItem                   // an array item title: x removes the item
	rowGroup                  // a repeated group: a adds, x removes
	rowChoice                 // closed documented values: pick one
	rowToggle                 // Boolean: yes/no
	rowText                   // free text (String, Integer, Number, StringList, open values)
)

// row is one line of a step's form.
type row struct {
	kind rowKind
	slot flows.Slot
}

func (r row) focusable() bool { return r.kind != rowHeading }

// path is the answer path the row edits ("" for the API row).
func (r row) path() string { return r.slot.Path }

// kindOf picks the widget for a slot.
func kindOf(s flows.Slot, a *flows.Answers) rowKind {
	f := s.Field
	switch {
	case s.Heading && s.Index >= 0:
		return rowItem
	case s.Heading:
		return rowHeading
	case f.Kind == flows.Array:
		return rowGroup
	case f.Kind == flows.Boolean:
		return rowToggle
	case !f.Open && len(f.OptionsAt(s.Ctx(a))) > 0:
		return rowChoice
	}
	return rowText
}

// buildRows lists the rows of the current step.
func (m *Model) buildRows() {
	if m.scr != scrStep || m.api == nil || m.steps[m.step] == flows.StepAPI {
		m.rows = []row{{kind: rowAPI}}
		return
	}
	a := m.answers[m.api.ID]
	slots := m.api.Slots(a, m.steps[m.step])
	rows := make([]row, 0, len(slots))
	for _, s := range slots {
		k := kindOf(s, a)
		if k == rowItem && s.Field.Step != m.steps[m.step] {
			k = rowHeading // items are added and removed in their group's own step
		}
		rows = append(rows, row{kind: k, slot: s})
	}
	m.rows = rows
}

// focused returns the focused row; ok is false when the step has no focusable row.
func (m *Model) focused() (row, bool) {
	if m.cur < 0 || m.cur >= len(m.rows) || !m.rows[m.cur].focusable() {
		return row{}, false
	}
	return m.rows[m.cur], true
}

// optionsOf lists the values offered for a row: the API list, documented options, then
// look-up results not already documented.
func (m *Model) optionsOf(r row) []flows.Option {
	if r.kind == rowAPI {
		out := make([]flows.Option, len(m.apis))
		for i, api := range m.apis {
			out[i] = flows.Option{Value: string(api.ID), Label: api.Title, Help: api.Help}
		}
		return out
	}
	if r.slot.Field == nil || !r.slot.Field.Kind.IsScalar() {
		return nil
	}
	a := m.answers[m.api.ID]
	opts := r.slot.Field.OptionsAt(r.slot.Ctx(a))
	if r.kind == rowToggle && len(opts) == 0 {
		opts = []flows.Option{{Value: "true", Label: flows.T("Yes", "是")}, {Value: "false", Label: flows.T("No", "否")}}
	}
	if l := m.lookupFor(r); l != nil && len(l.opts) > 0 {
		opts = slices.Clone(opts)
		for _, o := range l.opts {
			if !slices.ContainsFunc(opts, func(x flows.Option) bool { return x.Value == o.Value }) {
				opts = append(opts, o)
			}
		}
	}
	return opts
}

// cycleOf is what ←/→ step through: the offered values, plus "" (left out) for a field the
// API does not require and that has no documented default.
func (m *Model) cycleOf(r row) []string {
	var vals []string
	for _, o := range m.optionsOf(r) {
		vals = append(vals, o.Value)
	}
	if r.kind != rowAPI && !r.slot.Field.Required && r.slot.Field.DefaultAt(r.slot.Ctx(m.answers[m.api.ID])) == "" {
		vals = append(vals, "")
	}
	return vals
}

// valueOf returns the answer a row shows.
func (m *Model) valueOf(r row) string {
	if r.kind == rowAPI {
		return string(m.api.ID)
	}
	return m.answers[m.api.ID].Get(r.path())
}

// labelOf returns the row's label in the session's language.
func (m *Model) labelOf(r row) string {
	switch {
	case r.kind == rowAPI:
		return m.say(txtAPIField)
	case r.slot.Heading && r.slot.Index >= 0:
		return flows.ItemTitle(m.answers[m.api.ID], r.slot).In(m.lang)
	}
	if l := r.slot.Field.Label.In(m.lang); l != "" {
		return l
	}
	return r.slot.Field.Name
}

// display renders a value for people: "value · label" when the option has a label.
func (m *Model) display(r row, v string) string {
	switch r.kind {
	case rowGroup:
		return flows.Tf(txtItems.EN, txtItems.ZH, m.answers[m.api.ID].Count(r.path())).In(m.lang)
	case rowAPI:
		if api := flows.Find(flows.APIID(v)); api != nil {
			return api.Title.In(m.lang)
		}
	}
	if v == "" {
		return m.say(txtEmpty)
	}
	for _, o := range m.optionsOf(r) {
		if o.Value == v {
			if l := o.Label.In(m.lang); l != "" && l != v {
				return v + " · " + l
			}
			break
		}
	}
	return v
}

// arrayPath returns the path of the array an item row belongs to.
func arrayPath(s flows.Slot) string {
	return strings.TrimSuffix(s.Path, "["+strconv.Itoa(s.Index)+"]")
}
