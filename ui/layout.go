package ui

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	"charm.land/lipgloss/v2"
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
	// A line of no more bytes than cells fits without measuring: no character is wider than
	// its UTF-8 encoding. The review's request body is thousands of such lines.
	if len(s) <= w || cellWidth(s) <= w {
		return []string{s}
	}
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
	var lines []string
	line, lw := indent, cellWidth(indent)
	for _, word := range strings.Fields(s) {
		ww := cellWidth(word)
		switch {
		case lw > 0 && lw+1+ww <= w && strings.TrimSpace(line) != "":
			line, lw = line+" "+word, lw+1+ww
		case lw+ww <= w && strings.TrimSpace(line) == "":
			line, lw = line+word, lw+ww
		case ww > utf8.RuneCountInString(word) && strings.TrimSpace(line) != "" || ww > w && ww > utf8.RuneCountInString(word):
			// CJK runs are words without spaces: they go on from where the line is,
			// wrapping between characters, instead of leaving the line a word long.
			if strings.TrimSpace(line) != "" {
				line, lw = line+" ", lw+1
			}
			var done []string
			done, line, lw = wrapMixed(line, lw, word, w)
			lines = append(lines, done...)
		default:
			if strings.TrimSpace(line) != "" {
				lines = append(lines, line)
			}
			line, lw = "", 0
			if ww > w {
				parts := breakLong(word, w)
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

// wrapMixed goes on with line (lw cells) by word, a run without spaces: it breaks between
// wide (CJK) characters, and keeps each run of narrow ones (an ID, a path, a region) whole
// unless it is wider than w by itself. It returns the full lines and the line that goes on.
func wrapMixed(line string, lw int, word string, w int) ([]string, string, int) {
	var lines []string
	put := func(seg string) {
		sw := ansi.StringWidth(seg)
		if lw+sw > w && strings.TrimSpace(line) != "" {
			lines = append(lines, strings.TrimRight(line, " "))
			line, lw = "", 0
		}
		if sw > w {
			parts := breakLong(seg, w)
			lines = append(lines, parts[:len(parts)-1]...)
			seg = parts[len(parts)-1]
			sw = ansi.StringWidth(seg)
		}
		line, lw = line+seg, lw+sw
	}
	var segs []string
	run := 0 // start of the current run of narrow runes
	narrowRun := func(seg string) {
		// Its leading marks (",", ";" after a CJK word) stay with what they close.
		if lead := len(seg) - len(strings.TrimLeft(seg, closingPunct)); lead > 0 && len(segs) > 0 {
			segs[len(segs)-1] += seg[:lead]
			seg = seg[lead:]
		}
		if seg != "" {
			segs = append(segs, seg)
		}
	}
	for i, r := range word {
		if ansi.StringWidth(string(r)) > 1 {
			if run < i {
				narrowRun(word[run:i])
			}
			if strings.ContainsRune(closingPunct, r) && len(segs) > 0 {
				segs[len(segs)-1] += string(r) // never at the start of a line
			} else {
				segs = append(segs, string(r))
			}
			run = i + utf8.RuneLen(r)
		}
	}
	if run < len(word) {
		narrowRun(word[run:])
	}
	for i := 0; i < len(segs); i++ {
		seg := segs[i]
		// An opening mark never ends a line: it goes with what it opens.
		for i+1 < len(segs) && opens(seg) {
			i++
			seg += segs[i]
		}
		put(seg)
	}
	return lines, line, lw
}

// breakLong breaks a word wider than w cells (a JSON path, a URL, an ID list without
// spaces): after the last , : ; ) . / _ [ that fits, else after the last hyphen (which splits
// a region ID such as cn-hangzhou, so only when nothing better is there), else mid-word.
func breakLong(word string, w int) []string {
	var out []string
	for ansi.StringWidth(word) > w {
		fit := ansi.Truncate(word, w, "")
		cut := strings.LastIndexAny(fit, ",:;)./_[")
		if cut < 0 {
			cut = strings.LastIndex(fit, "-")
		}
		if cut < 0 {
			cut = len(fit) - 1
		}
		out = append(out, word[:cut+1])
		word = word[cut+1:]
	}
	return append(out, word)
}

// openingPunct are the marks that open a phrase and so never end a line.
const openingPunct = "（「『《([{"

func opens(seg string) bool {
	r, _ := utf8.DecodeLastRuneInString(seg)
	return strings.ContainsRune(openingPunct, r)
}

// closingPunct are the marks that end a phrase and so never begin a line (Chinese texts
// use both the full-width and the ASCII ones).
const closingPunct = "、。，：；！？）」』》,.:;!?)"

// painter returns st.Render for one line of text, worked out once: the style's codes before
// and after the text. Render measures and aligns its text on every call, which was a third of
// opening the review of a 1000-product order (ui/bench_items_test.go). A style that does
// more than colour and weight (a width, padding, margins), an empty text or one with a
// newline, tab or escape goes through Render itself.
func painter(st lipgloss.Style) func(string) string {
	render := func(s string) string { return st.Render(s) }
	a := st.Render("a")
	i := strings.Index(a, "a")
	if i < 0 {
		return render
	}
	pre, suf := a[:i], a[i+1:]
	if st.Render("b c") != pre+"b c"+suf {
		return render
	}
	return func(s string) string {
		if s == "" || strings.ContainsAny(s, "\n\t\r\x1b") {
			return st.Render(s)
		}
		return pre + s + suf
	}
}

// indentFitting is wrapIndent, without measuring a line whose bytes already fit (a summary of
// a thousand-item order is thousands of such lines).
func indentFitting(s string, w int, indent string) string {
	if len(indent)+len(s) <= w {
		return indent + s
	}
	return wrapIndent(s, w, indent)
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
		if len(l) > w && cellWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// cellWidth is ansi.StringWidth with a fast path: text made only of runes that are one cell
// wide everywhere (ASCII, Latin, the box, arrow and punctuation marks the wizard draws with)
// and of CSI sequences (the colours lipgloss writes) needs no grapheme segmentation, which
// is most of the cost of a frame otherwise. The sequences are skipped in place rather than
// by ansi.Strip, which copies the line: every line of every frame passes here (clip,
// padLines). Anything else takes stripWidth, the library's measure.
func cellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			n++
			i++
		case c == 0x1b:
			end, ok := csiEnd(s, i)
			if !ok {
				return stripWidth(s)
			}
			i = end
		case c < 0x80:
			return stripWidth(s) // a control character
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrow(r) { // utf8.RuneError is not narrow
				return stripWidth(s)
			}
			n++
			i += size
		}
	}
	return n
}

// csiEnd is where the CSI sequence at s[i] (ESC [ parameters intermediates final) ends, as
// ECMA-48 spells it; ok is false for any other escape, or one cut short, which stripWidth
// measures instead.
func csiEnd(s string, i int) (end int, ok bool) {
	if i+1 >= len(s) || s[i+1] != '[' {
		return 0, false
	}
	j := i + 2
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		return j + 1, true
	}
	return 0, false
}

// stripWidth is the cells of s once its escape codes are stripped, by grapheme cluster
// unless every rune is one cell wide. A line with a mark such as ✓ ✗ ⚠ or Chinese text is
// segmented into grapheme clusters, which costs microseconds a line; the same lines come back
// frame after frame, so their widths are kept (slowWidths).
func stripWidth(s string) int {
	slowWidths.Lock()
	defer slowWidths.Unlock()
	if n, ok := slowWidths.of[s]; ok {
		return n
	}
	if len(slowWidths.of) >= 1024 || slowWidths.of == nil { // a few screens of lines
		slowWidths.of = map[string]int{}
	}
	n := measureStripped(s)
	slowWidths.of[s] = n
	return n
}

// slowWidths are the widths stripWidth measured lately. Models may live on several goroutines
// (tests, plain mode), hence the lock.
var slowWidths struct {
	sync.Mutex
	of map[string]int
}

func measureStripped(s string) int {
	plain := ansi.Strip(s)
	n := 0
	for _, r := range plain {
		if !narrow(r) {
			return ansi.StringWidth(plain)
		}
		n++
	}
	return n
}

func narrow(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f, r >= 0xa0 && r < 0x300:
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e: // dashes, quotes, •, …, ›
		return true
	case r >= 0x2190 && r <= 0x21ff, r >= 0x2500 && r <= 0x25ff: // arrows, box drawing, ○ ●
		return true
	}
	return false
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
	var list, tail []key.Binding
	for _, b := range bindings {
		if b.Enabled() && !isOneOf(b, keep) {
			list = append(list, b)
		}
	}
	for _, b := range keep {
		if b.Enabled() {
			tail = append(tail, b)
		}
	}
	// Measure each hint once ("key desc" plus the separator) rather than each candidate line.
	item := func(b key.Binding) int { return cellWidth(b.Help().Key) + 1 + cellWidth(b.Help().Desc) }
	sep := cellWidth(h.ShortSeparator)
	used := 0
	for i, b := range tail {
		used += item(b)
		if i > 0 {
			used += sep
		}
	}
	n := 0
	for n < len(list) && used+item(list[n])+sep <= w {
		used += item(list[n]) + sep
		n++
	}
	h.SetWidth(0) // the line is fitted here
	return h.ShortHelpView(append(append([]key.Binding(nil), list[:n]...), tail...))
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

// paneCache keeps a viewport's drawings while nothing they show changed: the viewport pads
// every line through lipgloss, which measures every cell, and most key presses move one pane
// or none, or come back to a field whose help was drawn a moment ago.
type paneCache struct {
	out     map[string]string
	version int // bumped by the owner on every SetContent that is not keyed by content
}

func (c *paneCache) view(vp *viewport.Model, content string) string {
	k := fmt.Sprint(c.version, "|", vp.YOffset(), "|", vp.Width(), "|", vp.Height(), "|", content)
	if out, ok := c.out[k]; ok {
		return out
	}
	if len(c.out) > 32 || c.out == nil {
		c.out = map[string]string{}
	}
	c.out[k] = vp.View()
	return c.out[k]
}

// joinColumns puts two blocks of exactly h lines side by side with sep between them. Both
// blocks are padded to their widths already (padLines pads the form, the viewport pads the
// panel), so the join needs no measuring; lipgloss.JoinHorizontal measures every
// cell of both again, which was 35% of a keystroke at 120×40 (0.26 of 0.74 ms in
// BenchmarkKeystrokeRegion on the shared 2-core machine). lipgloss.Place cannot do the
// padding: it leaves every line alone once one line (the text input) is as wide as the box.
func joinColumns(h int, left, sep, right string) string {
	l, r := strings.SplitN(left, "\n", h), strings.SplitN(right, "\n", h)
	var b strings.Builder
	b.Grow(len(left) + len(right) + h*(len(sep)+1))
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(l) {
			b.WriteString(l[i])
		}
		b.WriteString(sep)
		if i < len(r) {
			b.WriteString(r[i])
		}
	}
	return b.String()
}

// padLines pads every line of s with spaces to w cells, so a column beside it starts at the
// same cell on every line.
func padLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if pad := w - cellWidth(l); pad > 0 {
			lines[i] = l + strings.Repeat(" ", pad)
		}
	}
	return strings.Join(lines, "\n")
}
