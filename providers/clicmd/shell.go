package clicmd

import (
	"strings"

	"cloudorder/i18n"
)

// Shell is the shell a command is printed for.
type Shell string

// The shells cloudorder prints commands for.
const (
	SH   Shell = "sh"   // POSIX shells: sh, bash, zsh, dash
	PWSH Shell = "pwsh" // PowerShell 7.3 or newer
	CMD  Shell = "cmd"  // Windows cmd.exe
)

// Shells lists the accepted --shell values.
var Shells = []Shell{SH, PWSH, CMD}

// ParseShell reads a --shell value.
func ParseShell(s string) (Shell, bool) {
	for _, sh := range Shells {
		if string(sh) == s {
			return sh, true
		}
	}
	return "", false
}

// Ext is the usual file extension of a script for the shell.
func (s Shell) Ext() string {
	switch s {
	case PWSH:
		return ".ps1"
	case CMD:
		return ".cmd"
	}
	return ".sh"
}

// Limits on one argument and one line. Linux refuses a single argument of 128 KiB or more
// (MAX_ARG_STRLEN); Windows refuses a command line over 32,767 characters (CreateProcess), and
// cmd.exe a line over 8,191.
const (
	maxArgBytes  = 128*1024 - 1
	maxWinLine   = 32767
	maxCmdLine   = 8191
	continuation = "    "
)

// safeWord holds the characters a POSIX shell, PowerShell and cmd.exe all leave alone in a
// word that does not start with '-' (PowerShell quirk below).
func safeWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("_./:=@+,-", r):
		default:
			return false
		}
	}
	return true
}

// quoteSH quotes one word for a POSIX shell: single quotes keep every byte, and a single quote
// itself is written as '\” (close, escaped quote, reopen).
func quoteSH(s string) string {
	if safeWord(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// QuoteSH quotes one word for a POSIX shell, as the rendered commands do (the review's
// `cloudorder submit …` line uses it).
func QuoteSH(s string) string { return quoteSH(s) }

// psQuotes are the characters PowerShell's tokenizer ends a single-quoted string at: the ASCII
// quote and the typographic ones ‘ ’ ‚ ‛ (PowerShell language spec §2.3.5, single-quote-character).
const psQuotes = "'\u2018\u2019\u201a\u201b"

// quotePS quotes one argument for PowerShell: always single-quoted, because PowerShell splits
// an unquoted argument like --cli-jsonInput=DSC.json at the first '.' (PowerShell issue #6291);
// every quote character inside is doubled. PowerShell 7.3+ passes the result to the program
// unchanged, embedded double quotes included ($PSNativeCommandArgumentPassing = Standard).
func quotePS(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		if strings.ContainsRune(psQuotes, r) {
			b.WriteRune(r)
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}

// quoteArgv quotes one argument for the Windows command-line parser the Microsoft C runtime and
// Go programs share: wrap in double quotes, write " as \", and double the backslashes that
// precede a quote (https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments).
func quoteArgv(s string) string {
	if safeWord(s) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			slashes++
		case '"':
			b.WriteString(strings.Repeat(`\`, slashes+1))
			slashes = 0
		default:
			slashes = 0
		}
		b.WriteByte(c)
	}
	b.WriteString(strings.Repeat(`\`, slashes)) // before the closing quote they would escape it
	b.WriteByte('"')
	return b.String()
}

// escapeCmd makes text survive cmd.exe's own parsing. cmd.exe toggles "quoted" at every double
// quote (a backslash does not escape one for it) and, outside quotes, treats & | < > ( ) ^ as
// operators unless a caret precedes them; inside quotes it keeps everything. So the text is
// walked with cmd.exe's quote state and only the unquoted operators get a caret.
func escapeCmd(s string) string {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			quoted = !quoted
		} else if !quoted && strings.IndexByte("&|<>()^", c) >= 0 {
			b.WriteByte('^')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// cmdUnsafe reports a character cmd.exe would change however it is quoted: % (variable
// expansion, at the prompt and in a batch file alike, with different escapes), ! (delayed
// expansion, when enabled) and line breaks.
func cmdUnsafe(s string) (rune, bool) {
	for _, r := range s {
		if r == '%' || r == '!' || r == '\n' || r == '\r' {
			return r, true
		}
	}
	return 0, false
}

// quoteFor quotes one argument for the shell.
func quoteFor(sh Shell, s string) string {
	switch sh {
	case PWSH:
		return quotePS(s)
	case CMD:
		return escapeCmd(quoteArgv(s))
	}
	return quoteSH(s)
}

// comment writes one comment line.
func comment(sh Shell, t i18n.Text, lang i18n.Lang) string {
	if sh == CMD {
		return "REM " + t.In(lang) + "\n"
	}
	return "# " + t.In(lang) + "\n"
}

// lineJoin is what continues a command on the next line.
func lineJoin(sh Shell) string {
	switch sh {
	case PWSH:
		return " `\n" + continuation
	case CMD:
		return " ^\n" + continuation
	}
	return " \\\n" + continuation
}
