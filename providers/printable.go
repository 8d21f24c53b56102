package providers

import (
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/inert"
)

// PrintableText is t with each language Printable: words a server or an account wrote.
func PrintableText(t i18n.Text) i18n.Text { return i18n.T(Printable(t.EN), Printable(t.ZH)) }

// InertOptions is a look-up's options with their labels and help Printable: they come from
// the account (project, VPC and server group names), and every screen draws them — a name
// holding an escape sequence must not reach the terminal as one. Values stay as they are:
// they are what is sent, and validation refuses one the review could not show
// (flows.TerminalActive); screens show them through Printable.
func InertOptions(opts []flows.Option) []flows.Option {
	out := make([]flows.Option, 0, len(opts))
	for _, o := range opts {
		o.Label, o.Help = PrintableText(o.Label), PrintableText(o.Help)
		out = append(out, o)
	}
	if opts == nil {
		return nil
	}
	return out
}

// Printable shows text that came from a server (codes, messages, ids) or an SDK inertly
// (inert.Text: control, C1, DEL, bidi and line-separator characters and invalid UTF-8
// escaped), so an answer cannot move the cursor, recolour the terminal or forge a line.
func Printable(s string) string { return inert.Text(s) }
