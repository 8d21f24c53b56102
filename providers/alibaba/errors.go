package alibaba

import (
	"errors"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"cloudorder/providers"
)

// classify turns an SDK error into a *providers.Error that keeps the SDK's own error. sent
// says whether the request reached the transport: before that (credentials, endpoint, request
// building) nothing can have been bought, so the failure is Invalid; after it, anything
// without a 4xx answer — 5xx, a timeout (*url.Error, or SDK.TimeoutError were retries ever
// on), a dropped connection, an unreadable 2xx — may have placed the order, so it is Unknown.
func classify(err error, sent bool) error {
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
	if !sent {
		e.Kind = providers.Invalid
	}
	var ce *sdkerrors.ClientError
	if errors.As(err, &ce) {
		e.Code, e.Message = ce.ErrorCode(), ce.Message()
	}
	return e
}
