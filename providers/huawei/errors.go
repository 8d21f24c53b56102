package huawei

import (
	"errors"
	"fmt"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"

	"cloudorder/providers"
)

// classify turns an SDK error into a *providers.Error that keeps the SDK's own error. The SDK
// reports HTTP errors as *sdkerr.ServiceResponseError and transport failures as raw
// *url.Error (api-facts §4.5). sent says whether the request reached the transport.
func classify(what string, err error, sent bool) error {
	wrapped := fmt.Errorf("%s: %w", what, err)
	var se *sdkerr.ServiceResponseError
	if errors.As(err, &se) {
		kind := providers.Unknown // 5xx, or a 2xx the SDK could not read: it may have been placed
		if se.StatusCode >= 400 && se.StatusCode < 500 {
			kind = providers.Rejected
		}
		msg := se.ErrorMessage
		if msg == "" {
			msg = fmt.Sprintf("HTTP %d", se.StatusCode)
		}
		return &providers.Error{Kind: kind, HTTPStatus: se.StatusCode, Code: se.ErrorCode,
			Message: msg, RequestID: se.RequestId, Err: wrapped}
	}
	if !sent {
		return &providers.Error{Kind: providers.Invalid, Message: wrapped.Error(), Err: wrapped}
	}
	return &providers.Error{Kind: providers.Unknown, Message: wrapped.Error(), Err: wrapped}
}
