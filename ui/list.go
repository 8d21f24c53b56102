package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// choiceList is an open list filtered by what the person types: a field's values on the
// form, the order's fields on the review (`e`).
//
// Not bubbles' list, for what a key means there: its filter runs in a tea.Cmd
// (bubbles/v2 list/list.go, filterItems), so for a moment after each letter the list shows,
// and the next key acts on, the matches of the letters before; its filter needs `/` first and
// Enter to accept it before a choice, and ranks fuzzily. Here typing filters at once, in the
// same Update, by substring over both languages' text (hay), and Enter picks what is on screen.
type choiceList struct {
	items  []listItem
	cur    string // the value chosen now (marked ●)
	filter string
	idx    int // into the filtered items
}

type listItem struct {
	value string // what picking it returns
	text  string // what the list shows
	hay   string // what the filter searches besides text
}

func newChoiceList(items []listItem, cur, filter string) *choiceList {
	l := &choiceList{items: items, cur: cur, filter: filter}
	for i, it := range l.filtered() {
		if it.value == cur {
			l.idx = i
		}
	}
	return l
}

func (l *choiceList) filtered() []listItem {
	f := strings.ToLower(l.filter)
	if f == "" {
		return l.items
	}
	var out []listItem
	for _, it := range l.items {
		if strings.Contains(strings.ToLower(it.text+" "+it.hay), f) {
			out = append(out, it)
		}
	}
	return out
}

// Update moves, filters, picks or closes; picked is the chosen item.
func (l *choiceList) Update(k ListKeyMap, msg tea.Msg) (picked *listItem, closed bool) {
	items := l.filtered()
	switch m := msg.(type) {
	case tea.PasteMsg:
		l.filter += oneLine(m.Content, false)
		l.idx = 0
	case tea.KeyPressMsg:
		switch {
		case key.Matches(m, k.Up):
			l.idx = max(l.idx-1, 0)
		case key.Matches(m, k.Down):
			l.idx = min(l.idx+1, max(len(items)-1, 0))
		case key.Matches(m, k.Pick):
			if l.idx < len(items) {
				it := items[l.idx]
				return &it, true
			}
		case key.Matches(m, k.Cancel), key.Matches(m, k.Interrupt):
			return nil, true
		case key.Matches(m, k.Erase):
			if f := []rune(l.filter); len(f) > 0 {
				l.filter = string(f[:len(f)-1])
				l.idx = 0
			}
		case m.Text != "":
			l.filter += m.Text
			l.idx = 0
		}
	}
	return nil, false
}

// lines renders the filter, then a window of at most shown matching items.
func (l *choiceList) lines(s *session, w, shown int, indent string) []string {
	st := s.st
	items := l.filtered()
	out := []string{truncLine(indent+st.Muted.Render(s.say(txtFilter)+": ")+l.filter+"▏", w)}
	if len(items) == 0 {
		return append(out, indent+st.Error.Render(s.say(txtNoMatch)))
	}
	shown = max(shown, 1)
	top := max(0, min(l.idx-shown/2, len(items)-shown))
	for i := top; i < min(top+shown, len(items)); i++ {
		it := items[i]
		mark, style := "  ", st.Option
		if i == l.idx {
			mark, style = st.Marker.Render("› "), st.OptionNow
		}
		dot := "○ "
		if it.value == l.cur {
			dot = "● "
		}
		out = append(out, truncLine(indent+mark+style.Render(dot+it.text), w))
	}
	if len(items) > shown {
		out = append(out, indent+st.Muted.Render(fmt.Sprintf("  %d/%d", l.idx+1, len(items))))
	}
	return out
}
