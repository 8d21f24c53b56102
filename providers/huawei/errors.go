package huawei

import (
	"errors"
	"fmt"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"

	"cloudorder/providers"
	"cloudorder/providers/transport"
)

// classify turns an SDK error into a *providers.Error that keeps the SDK's own error. The
// SDK reports HTTP errors as *sdkerr.ServiceResponseError and transport failures as raw
// *url.Error. reach says how far the request got: never attempted is Invalid; attempted
// without a connection (DNS, refused, TLS handshake, context ended first) is NotSent; once a
// connection was made, anything but a 4xx answer may have placed the order: Unknown.
func classify(what string, err error, reach transport.Reach) error {
	wrapped := fmt.Errorf("%s: %w", what, err)
	var se *sdkerr.ServiceResponseError
	if errors.As(err, &se) {
		kind := providers.StatusKind(se.StatusCode) // 5xx, or a 2xx the SDK could not read: it may have been placed
		msg := se.ErrorMessage
		if msg == "" {
			msg = fmt.Sprintf("HTTP %d", se.StatusCode)
		}
		return &providers.Error{Kind: kind, HTTPStatus: se.StatusCode, Code: se.ErrorCode,
			Message: msg, RequestID: se.RequestId, Err: wrapped}
	}
	kind := providers.Unknown
	switch reach {
	case transport.NotAttempted:
		kind = providers.Invalid
	case transport.NoConnection:
		kind = providers.NotSent
	}
	e := &providers.Error{Kind: kind, Message: wrapped.Error(), Err: wrapped}
	var re *transport.RedirectError
	if errors.As(err, &re) {
		e.Kind, e.HTTPStatus, e.Message = providers.StatusKind(re.Status), re.Status, re.Error()
	}
	return e
}
