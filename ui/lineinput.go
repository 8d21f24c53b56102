package ui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// lineInput is a single-line text editor: the wizard's text field and the save prompt.
// It is ours rather than bubbles/textinput because every value here is one line and pastes
// must be cleaned first (see Model.paste); textinput would also pull a system-clipboard
// dependency the module does not carry.
type lineInput struct {
	value       []rune
	pos         int // cursor, in runes
	focused     bool
	width       int // cells shown; the text scrolls horizontally beyond it
	placeholder string
	st          inputStyles
}

// inputStyles draw the text, the placeholder and the cursor cell.
type inputStyles struct {
	Text, Placeholder, Cursor lipgloss.Style
}

func (l *lineInput) SetValue(s string) {
	l.value = []rune(s)
	l.pos = min(l.pos, len(l.value))
}

func (l *lineInput) Value() string { return string(l.value) }
func (l *lineInput) CursorEnd()    { l.pos = len(l.value) }
func (l *lineInput) Focus()        { l.focused = true }
func (l *lineInput) Blur()         { l.focused = false }
func (l *lineInput) SetWidth(w int) {
	l.width = max(w, 1)
}

// Update edits the text for a key press or paste; it reports whether it used the message.
func (l *lineInput) Update(msg tea.Msg) bool {
	if !l.focused {
		return false
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		l.insert([]rune(msg.Content))
		return true
	case tea.KeyPressMsg:
		return l.key(msg)
	}
	return false
}

func (l *lineInput) key(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "left", "ctrl+b":
		l.pos = max(l.pos-1, 0)
	case "right", "ctrl+f":
		l.pos = min(l.pos+1, len(l.value))
	case "home", "ctrl+a":
		l.pos = 0
	case "end", "ctrl+e":
		l.pos = len(l.value)
	case "alt+left", "ctrl+left", "alt+b":
		l.pos = l.wordStart()
	case "alt+right", "ctrl+right", "alt+f":
		l.pos = l.wordEnd()
	case "backspace", "ctrl+h":
		if l.pos > 0 {
			l.value = append(l.value[:l.pos-1], l.value[l.pos:]...)
			l.pos--
		}
	case "delete", "ctrl+d":
		if l.pos < len(l.value) {
			l.value = append(l.value[:l.pos], l.value[l.pos+1:]...)
		}
	case "ctrl+u":
		l.value = l.value[l.pos:]
		l.pos = 0
	case "ctrl+k":
		l.value = l.value[:l.pos]
	case "ctrl+w", "alt+backspace", "ctrl+backspace":
		start := l.wordStart()
		l.value = append(l.value[:start], l.value[l.pos:]...)
		l.pos = start
	default:
		if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
			return false
		}
		l.insert([]rune(msg.Text))
	}
	return true
}

// insert puts printable runes at the cursor; control characters never enter a value.
func (l *lineInput) insert(rs []rune) {
	clean := make([]rune, 0, len(rs))
	for _, r := range rs {
		if unicode.IsPrint(r) {
			clean = append(clean, r)
		}
	}
	v := make([]rune, 0, len(l.value)+len(clean))
	v = append(v, l.value[:l.pos]...)
	v = append(v, clean...)
	v = append(v, l.value[l.pos:]...)
	l.value = v
	l.pos += len(clean)
}

func (l *lineInput) wordStart() int {
	i := l.pos
	for i > 0 && unicode.IsSpace(l.value[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(l.value[i-1]) {
		i--
	}
	return i
}

func (l *lineInput) wordEnd() int {
	i := l.pos
	for i < len(l.value) && unicode.IsSpace(l.value[i]) {
		i++
	}
	for i < len(l.value) && !unicode.IsSpace(l.value[i]) {
		i++
	}
	return i
}

// View shows the part of the text around the cursor that fits the width.
func (l *lineInput) View() string {
	w := max(l.width, 1)
	if len(l.value) == 0 {
		cur := " "
		if l.focused {
			cur = l.st.Cursor.Render(" ")
		}
		if l.placeholder != "" {
			return cur + l.st.Placeholder.Render(ansi.Truncate(l.placeholder, max(w-1, 0), "…"))
		}
		return cur
	}
	// Find a window [start, end) of runes containing the cursor and fitting w cells.
	start := 0
	width := func(rs []rune) int { return ansi.StringWidth(string(rs)) }
	for width(l.value[start:l.pos])+1 > w && start < l.pos {
		start++
	}
	end := l.pos
	for end < len(l.value) && width(l.value[start:end+1]) <= w {
		end++
	}
	var b strings.Builder
	b.WriteString(l.st.Text.Render(string(l.value[start:l.pos])))
	switch {
	case !l.focused:
		b.WriteString(l.st.Text.Render(string(l.value[l.pos:end])))
	case l.pos < len(l.value):
		b.WriteString(l.st.Cursor.Render(string(l.value[l.pos])))
		if l.pos+1 < end {
			b.WriteString(l.st.Text.Render(string(l.value[l.pos+1 : end])))
		}
	default:
		b.WriteString(l.st.Cursor.Render(" "))
	}
	return b.String()
}
