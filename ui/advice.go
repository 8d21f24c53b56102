package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
)

// advice is what the wizard says about a failed submission: the lifecycle's one advice table
// (placement.AdviseError, the words plain mode and submit print too), and the field the
// cloud's message names, where `e` jumps first.
type advice struct {
	headline, hint i18n.Text
	field          string // the order field the error names, where `e` jumps first
	credential     bool   // hint is a format taking the credential in use
}

// advise looks up the advice for err (nil gives none).
func advise(s *session, err error) advice {
	if err == nil {
		return advice{}
	}
	a := placement.AdviseError(err)
	out := advice{headline: a.Headline, hint: a.Hint, credential: a.Credential}
	var pe *providers.Error
	if a.NamesField && errors.As(err, &pe) {
		out.field = namedField(s, pe.Message)
	}
	return out
}

// pathLike finds order paths in a message ("body.Products[0].PricingCycle") and bare field
// names ("PricingCycle"). Compiled on first use rather than while the program starts.
var pathLike = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?)*`)
})

// namedField returns the path of the first field of the order a message names, or "".
func namedField(s *session, msg string) string {
	if msg == "" || s.api == nil {
		return ""
	}
	rows := allRows(s)
	for _, cand := range pathLike().FindAllString(msg, -1) {
		for _, r := range rows {
			if r.slot.Heading || !r.w.focusable() {
				continue
			}
			if p := r.path(); p == cand || p == "body."+cand || strings.HasSuffix(p, "."+cand) {
				return p
			}
		}
	}
	return ""
}

// netText says a transport failure in plain words (zero when err is not one); the Go error
// itself is shown underneath. timeout is the limit the wait had (--timeout), 0 if unknown.
// The text is looked at after the typed checks because the Alibaba SDK's ClientError keeps the
// transport error as OriginError, with no Unwrap (alibaba-cloud-sdk-go sdk/errors/
// client_error.go): only its words reach providers.Error (providers/alibaba/errors.go).
func netText(err error, timeout time.Duration) i18n.Text {
	if err == nil {
		return i18n.Text{}
	}
	text := err.Error()
	var ne net.Error
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns) || strings.Contains(text, "no such host"):
		return txtNetDNS
	case errors.Is(err, syscall.ECONNREFUSED) || strings.Contains(text, "connection refused"):
		return txtNetRefused
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) ||
		strings.Contains(text, "Client.Timeout") || strings.Contains(text, "deadline exceeded") || strings.Contains(text, "timeout"):
		if timeout > 0 {
			return tf(txtNetTimeoutLimit, timeout)
		}
		return txtNetTimeout
	case errors.Is(err, syscall.ECONNRESET) || strings.Contains(text, "connection reset") || strings.Contains(text, "broken pipe"):
		return txtNetReset
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || strings.HasSuffix(text, "EOF"):
		return txtNetEOF
	}
	return i18n.Text{}
}

// netWords is netText of an order's failure in the session's language ("" when none).
func netWords(s *session, err error) string { return s.say(netText(err, s.o.Timeout)) }

// errorPanel explains the last failed submission: the headline by kind, the cloud's code,
// message and request id (or the network failure in plain words with the detail under it),
// and what to do next, all wrapped in full to w.
func errorPanel(s *session, w int) string {
	err := s.lastErr
	if err == nil {
		return ""
	}
	st := s.st
	a := advise(s, err)
	var lines []string
	lines = append(lines, st.Error.Bold(true).Render(wrapWords("✗ "+s.say(a.headline), w-2)))
	var pe *providers.Error
	var pairs [][2]string
	detail := providers.Printable(err.Error()) // server or SDK text: shown inert
	if errors.As(err, &pe) {
		detail = ""
		if pe.Code != "" {
			pairs = append(pairs, [2]string{s.say(txtCode), providers.Printable(pe.Code)})
		}
		if pe.Message != "" {
			msg := providers.Printable(pe.Message)
			if miss, ok := missingCredentialFailure(s, err); ok {
				msg = miss
			}
			pairs = append(pairs, [2]string{s.say(txtMessage), msg})
		} else if pe.Err != nil {
			detail = providers.Printable(pe.Err.Error())
		}
		if pe.RequestID != "" {
			pairs = append(pairs, [2]string{s.say(txtRequestID), providers.Printable(pe.RequestID)})
		}
		if pe.HTTPStatus != 0 {
			pairs = append(pairs, [2]string{s.say(txtHTTP), fmt.Sprint(pe.HTTPStatus)})
		}
	}
	if pe == nil || pe.Code == "" { // no answer from the cloud: the transport failed
		if words := netWords(s, err); words != "" {
			lines = append(lines, wrapWords(words, w-2))
		}
	}
	if len(pairs) > 0 {
		lines = append(lines, alignPairs(s, pairs, w-2))
	}
	if detail != "" {
		lines = append(lines, st.Muted.Render(wrapIndent(detail, w-2, "  ")))
	}
	hint := s.say(a.hint)
	if a.credential {
		hint = s.say(tf(a.hint, credentialOf(s)))
	}
	lines = append(lines, st.Warning.Render(wrapWords(hint, w-2)))
	lines = append(lines, checkLines(s, w-2)...) // check now (check.go)
	if a.field != "" {
		lines = append(lines, st.Notice.Render(wrapWords(s.say(tf(txtJumpHint, a.field)), w-2)))
	}
	return st.ErrorPanel.Render(strings.Join(lines, "\n"))
}
