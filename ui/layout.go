package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// wrapWords wraps s to w cells at spaces. A word wider than w (a JSON path, an ID) is
// broken after one of . / _ - [ where it can be, and only then mid-word; CJK text, which
// has no spaces, wraps between characters, as it should. Nothing is ever cut. (ansi.Wordwrap
// also breaks at every hyphen, which splits region IDs such as cn-shanghai.)
func wrapWords(s string, w int) string {
	w = max(w, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, w)...)
	}
	return strings.Join(out, "\n")
}

func wrapLine(s string, w int) []string {
	if ansi.StringWidth(s) <= w {
		return []string{s}
	}
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
	var lines []string
	line, lw := indent, ansi.StringWidth(indent)
	for _, word := range strings.Fields(s) {
		ww := ansi.StringWidth(word)
		switch {
		case lw > 0 && lw+1+ww <= w && strings.TrimSpace(line) != "":
			line, lw = line+" "+word, lw+1+ww
		case lw+ww <= w && strings.TrimSpace(line) == "":
			line, lw = line+word, lw+ww
		default:
			if strings.TrimSpace(line) != "" {
				lines = append(lines, line)
			}
			line, lw = "", 0
			if ww > w {
				parts := strings.Split(ansi.Wrap(word, w, "./_-["), "\n")
				lines = append(lines, parts[:len(parts)-1]...)
				word = parts[len(parts)-1]
				ww = ansi.StringWidth(word)
			}
			line, lw = word, ww
		}
	}
	if strings.TrimSpace(line) != "" {
		lines = append(lines, line)
	}
	return lines
}

// wrapIndent wraps s to width w with every line indented.
func wrapIndent(s string, w int, indent string) string {
	lines := strings.Split(wrapWords(s, max(w-ansi.StringWidth(indent), 8)), "\n")
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	return strings.Join(lines, "\n")
}

// truncLine cuts one line to w cells with "…" — only for list rows and labels whose full
// text is shown elsewhere (the help panel), never for a message.
func truncLine(s string, w int) string {
	if len(s) <= w || ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, max(w, 1), "…")
}

// clip cuts s to at most h lines of at most w cells: the last guard against overflow at
// any window size.
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

func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// fitHelp is the one-line key hint of bindings within w cells: hints are dropped from the end
// of the list (the least useful) until the line fits, and the quit hints always stay, so a
// narrow window shortens the line instead of cutting it.
func fitHelp(h help.Model, bindings []key.Binding, w int, keep ...key.Binding) string {
	var list []key.Binding
	for _, b := range bindings {
		if b.Enabled() && !isOneOf(b, keep) {
			list = append(list, b)
		}
	}
	var tail []key.Binding
	for _, b := range keep {
		if b.Enabled() {
			tail = append(tail, b)
		}
	}
	h.SetWidth(0) // measure whole lines; this function does the fitting
	for n := len(list); n >= 0; n-- {
		line := h.ShortHelpView(append(append([]key.Binding(nil), list[:n]...), tail...))
		if ansi.StringWidth(line) <= w || n == 0 {
			return line
		}
	}
	return ""
}

func isOneOf(b key.Binding, set []key.Binding) bool {
	for _, k := range set {
		if strings.Join(k.Keys(), ",") == strings.Join(b.Keys(), ",") {
			return true
		}
	}
	return false
}

// scrollPos says where a viewport is: "lines 3–20 of 54", or "" when everything shows.
func scrollPos(s *session, top, height, total int) string {
	if total <= height {
		return ""
	}
	end := min(top+height, total)
	return s.say(tf(txtLines, top+1, end, total))
}
