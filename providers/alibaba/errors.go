package alibaba

import (
	"errors"
	"strings"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"cloudorder/providers"
	"cloudorder/providers/transport"
)

// classify turns an SDK error into a *providers.Error that keeps the SDK's own error. reach
// says how far the request got: never attempted (credentials, endpoint, request building) is
// Invalid; attempted without a connection ever made (DNS, refused, TLS handshake, context
// ended first) is NotSent — nothing left the machine, a retry is safe; once a connection was
// made, anything without a 4xx answer — 5xx, a timeout, a dropped connection, an unreadable or
// oversized 2xx — may have placed the order, so it is Unknown.
func classify(err error, reach transport.Reach) error {
	var se *sdkerrors.ServerError
	if errors.As(err, &se) {
		kind := providers.StatusKind(se.HttpStatus())
		msg := se.Message()
		if cut, ok := withoutStringToSign(msg); ok {
			msg, err = cut, transport.Redacted(se.ErrorCode()+": "+cut, err)
		}
		return &providers.Error{Kind: kind, HTTPStatus: se.HttpStatus(), Code: se.ErrorCode(),
			Message: msg, RequestID: se.RequestId(), Err: err}
	}
	e := &providers.Error{Kind: providers.Unknown, Message: err.Error(), Err: err}
	switch reach {
	case transport.NotAttempted:
		e.Kind = providers.Invalid
	case transport.NoConnection:
		e.Kind = providers.NotSent
	}
	var ce *sdkerrors.ClientError
	if errors.As(err, &ce) {
		e.Code, e.Message = ce.ErrorCode(), ce.Message()
		if ce.OriginError() != nil {
			e.Message += ": " + ce.OriginError().Error()
		}
	}
	var re *transport.RedirectError
	if errors.As(err, &re) {
		e.Kind, e.HTTPStatus, e.Message = providers.StatusKind(re.Status), re.Status, re.Error()
	}
	return e
}

// stringToSignMark starts the part of a SignatureDoesNotMatch message where the server echoes
// the string it signed (alibaba-cloud-sdk-go sdk/errors/signature_does_not_match_wrapper.go):
// it holds every x-acs-* header, the STS security token among them.
const stringToSignMark = "server string to sign is:"

// withoutStringToSign cuts the echoed string to sign from a server message, so the token it
// holds reaches neither the screen nor the history.
func withoutStringToSign(msg string) (string, bool) {
	i := strings.Index(msg, stringToSignMark)
	if i < 0 {
		return msg, false
	}
	return strings.TrimSpace(msg[:i]) + " (the server's string to sign is left out: it holds the request's security token)", true
}
