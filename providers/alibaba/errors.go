package alibaba

import (
	"errors"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"cloudorder/providers"
)

// classify turns an SDK error into a *providers.Error that keeps the SDK's own error. reach
// says how far the request got: never attempted (credentials, endpoint, request building) is
// Invalid; attempted without a connection ever made (DNS, refused, TLS handshake, context
// ended first) is NotSent — nothing left the machine, a retry is safe; once a connection was
// made, anything without a 4xx answer — 5xx, a timeout, a dropped connection, an unreadable or
// oversized 2xx — may have placed the order, so it is Unknown.
func classify(err error, reach providers.Reach) error {
	var se *sdkerrors.ServerError
	if errors.As(err, &se) {
		kind := providers.Unknown
		if se.HttpStatus() >= 400 && se.HttpStatus() < 500 {
			kind = providers.Rejected
		}
		return &providers.Error{Kind: kind, HTTPStatus: se.HttpStatus(), Code: se.ErrorCode(),
			Message: se.Message(), RequestID: se.RequestId(), Err: err}
	}
	e := &providers.Error{Kind: providers.Unknown, Message: err.Error(), Err: err}
	switch reach {
	case providers.NotAttempted:
		e.Kind = providers.Invalid
	case providers.NoConnection:
		e.Kind = providers.NotSent
	}
	var ce *sdkerrors.ClientError
	if errors.As(err, &ce) {
		e.Code, e.Message = ce.ErrorCode(), ce.Message()
		if ce.OriginError() != nil {
			e.Message += ": " + ce.OriginError().Error()
		}
	}
	return e
}
