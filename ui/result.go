package ui

import (
	"encoding/json"
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cloudorder/i18n"
	"cloudorder/providers"
)

// resultScreen shows the placed order's IDs (printed again on exit, for the scrollback).
type resultScreen struct {
	s      *session
	km     ResultKeyMap
	copied i18n.Text // what the last c did: sent to the clipboard, or refused
	asking bool      // the root's payment question is open: it says what the offer would
	w, h   int
}

func newResult(s *session) *resultScreen { return &resultScreen{s: s, km: DefaultResultKeyMap(s.lang)} }

// ShortHelp implements help.KeyMap.
func (r *resultScreen) ShortHelp() []key.Binding {
	r.km.Pay.SetEnabled(canPay(r.s))
	return r.km.ShortHelp()
}

// FullHelp implements help.KeyMap.
func (r *resultScreen) FullHelp() [][]key.Binding {
	r.km.Pay.SetEnabled(canPay(r.s))
	return r.km.FullHelp()
}

// Title names the screen.
func (r *resultScreen) Title() string { return r.s.say(txtResult) }

// SetSize gives the screen the body's width.
func (r *resultScreen) SetSize(w, h int) { r.w, r.h = w, h }

// Update handles the result's keys. Copying goes through OSC 52, which the terminal may or
// may not honour; nothing comes back to say which, so the screen says exactly that. Paying and
// leaving are the root's (requests.go): q, esc or enter ask first while the order is still
// unpaid; ctrl+c ends at once (the exit lines say how to pay it either way).
func (r *resultScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	r.km.Copy.SetEnabled(r.s.result.OrderID != "")
	r.km.Pay.SetEnabled(canPay(r.s))
	if r.s.pay.inFlight && !key.Matches(m, r.km.Interrupt) {
		return nil, nil // a payment is on its way: nothing else happens until it answers
	}
	switch {
	case key.Matches(m, r.km.Pay):
		return payRequested{}, nil
	case key.Matches(m, r.km.Copy):
		return nil, r.copy()
	case key.Matches(m, r.km.Keys):
		r.s.showAll = !r.s.showAll
	case key.Matches(m, r.km.Done, r.km.Interrupt):
		if r.s.pay.inFlight { // ctrl+c while paying: it may have been paid, the exit line says so
			r.s.out.Payment, r.s.out.PayFailure = true, providers.Unknown
		}
		return leaveRequested{interrupted: key.Matches(m, r.km.Interrupt)}, nil
	}
	return nil, nil
}

// View shows the IDs in one column (aligned by display width) and the other response fields.
func (r *resultScreen) View() string {
	s, st := r.s, r.s.st
	w := max(r.w, 1)
	out := []string{st.OK.Render("✓ " + s.say(txtPlaced)), ""}
	labels := []string{s.say(txtOrderID), s.say(txtRequestID)}
	lw := max(lipgloss.Width(labels[0]), lipgloss.Width(labels[1]))
	pad := func(l string) string { return l + ":" + spaces(lw-lipgloss.Width(l)+1) }
	out = append(out, pad(labels[0])+st.IDValue.Render(providers.Printable(s.result.OrderID)), pad(labels[1])+st.Value.Render(providers.Printable(s.result.RequestID)))
	if len(s.result.Response) > 0 {
		out = append(out, "", st.SectionTitle.Render(s.say(txtResponse)))
		keys := make([]string, 0, len(s.result.Response))
		for k := range s.result.Response {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			out = append(out, wrapIndent(st.Muted.Render(providers.Printable(k)+": ")+providers.Printable(jsonValue(s.result.Response[k])), w, "  "))
		}
	}
	out = append(out, payLines(s, w, !r.asking)...)
	// The notes go last and give way whole on a short window (the IDs are printed on exit
	// anyway), so the lines above them are never cut mid-sentence.
	for _, note := range []string{"\n" + st.Muted.Render(wrapWords(s.say(txtScrollIDs), w)), copiedNote(r, w)} {
		if note != "" && (r.h <= 0 || lineCount(joinLines(out))+lineCount(note) <= r.h) {
			out = append(out, note)
		}
	}
	return joinLines(out)
}

// copy puts the order id on the terminal's clipboard only when it has the shape the API
// documents (flows.API.IsOrderID): the id is server text, and a pasted ESC, newline or
// text-direction control could run a command in the shell it is pasted into.
func (r *resultScreen) copy() tea.Cmd {
	id := r.s.result.OrderID
	if !r.s.api.IsOrderID(id) {
		r.copied = txtCopyRefused
		return nil
	}
	r.copied = txtCopySent
	return tea.SetClipboard(id)
}

func copiedNote(r *resultScreen, w int) string {
	if r.copied.IsZero() {
		return ""
	}
	return r.s.st.Notice.Render(wrapWords(r.s.say(r.copied), w))
}

// jsonValue renders a decoded response value compactly.
func jsonValue(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
