package flows

import (
	"unicode"

	"golang.org/x/text/unicode/runenames"
	"golang.org/x/text/width"

	"cloudorder/i18n"
)

// hiddenDifference explains a value that is refused (accepts says no) but reads like one that
// is accepted — a documented value, or one of the documented shape: it holds an invisible character (a zero-width space, a no-break space, a soft hyphen), a
// letter of another script drawn like a Latin one (Cyrillic Р), or a fullwidth form (Ｐ). Said
// as "contains U+200B ZERO WIDTH SPACE at 5" (characters counted from 1), so the person can
// find what the screen does not show. ok is false when the value differs in a visible way.
func hiddenDifference(v string, accepts func(string) bool) (i18n.Text, bool) {
	var plain []rune
	first, at := rune(-1), 0
	kind := i18n.Text{}
	pos := 0
	for _, r := range v {
		pos++
		seen, k := r, i18n.Text{}
		switch {
		case invisible(r):
			seen, k = -1, i18n.T("an invisible character", "不可见字符")
		case width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			if n := width.LookupRune(r).Narrow(); n != 0 {
				seen, k = n, i18n.Tf("a fullwidth form of %c", "全角形式的 %c", n)
			}
		default:
			if l, ok := latinLookalike[r]; ok {
				seen, k = l, i18n.Tf("a letter of another script that looks like %c", "另一种文字中与 %c 形似的字母", l)
			}
		}
		if !k.IsZero() && first < 0 {
			first, at, kind = r, pos, k
		}
		if seen >= 0 {
			plain = append(plain, seen)
		}
	}
	if first < 0 || !accepts(string(plain)) {
		return i18n.Text{}, false
	}
	name := runenames.Name(first)
	return i18n.Tf("contains U+%04X %s at %d (%s): it reads as %s but is not",
		"第 %[3]d 个字符是 U+%04[1]X %[2]s(%[4]s):看起来是 %[5]s,实际不是", first, name, at, kind, string(plain)), true
}

// invisible reports whether r draws nothing (or only blank space) where it stands: format
// characters (zero-width space and joiners, word joiner, soft hyphen, U+FEFF), any space
// (no-break, ideographic, a plain trailing one) and variation selectors.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) || unicode.Is(unicode.Variation_Selector, r)
}

// latinLookalike maps Cyrillic and Greek letters drawn like a Latin letter to that letter: the
// letters of Unicode's confusables (https://www.unicode.org/Public/security/latest/confusables.txt)
// that can stand in for the upper-case codes and ids the APIs document. No library in this
// project's dependencies carries that table.
var latinLookalike = map[rune]rune{
	// Cyrillic
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
	'Х': 'X', 'У': 'Y', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԁ': 'd', 'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p',
	'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j', 'һ': 'h', 'ԁ': 'd',
	// Greek
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
	'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ν': 'v',
}
