package ui

import "cloudorder/i18n"

// digestLines show the order's digest on the review — what `cloudorder review` prints for the
// same order — and, with --expect-digest, whether this is the approved order: y does not place
// one that is not (placement.Send refuses it).
func digestLines(s *session, w int) []string {
	r := s.review
	if !r.Sends {
		return nil
	}
	if !r.Reviewed() {
		return []string{"", s.st.Error.Bold(true).Render(wrapIndent(s.say(r.DigestLine()), w, ""))}
	}
	label := i18n.T("digest (as cloudorder review prints it):", "摘要值(与审阅命令输出的相同):")
	if r.Expect != "" {
		label = i18n.T("digest — the reviewed order (--expect-digest):", "摘要值 — 与审阅过的订单一致:")
	}
	return []string{s.st.Muted.Render(wrapIndent(s.say(label), w, "")), s.st.Muted.Render(wrapIndent(r.Digest, w, ""))}
}
