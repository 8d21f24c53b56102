package transport

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// The transport reads an answer of exactly MaxAnswer bytes whole and stops one byte later.
func TestAnswerLimit(t *testing.T) {
	for _, tc := range []struct {
		size int
		want error
	}{{MaxAnswer, nil}, {MaxAnswer + 1, ErrAnswerTooLarge}} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = w.Write([]byte(strings.Repeat("x", tc.size)))
		}))
		tr := NewCall(context.Background(), time.Second)
		resp, err := (&http.Client{Transport: tr}).Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		if !errors.Is(err, tc.want) || (tc.want == nil && len(data) != tc.size) || len(data) > MaxAnswer {
			t.Errorf("size %d: read %d, err %v; want %v", tc.size, len(data), err, tc.want)
		}
		if tr.Reach() != MaybeSent {
			t.Errorf("an answered request reads as %v", tr.Reach())
		}
	}
}

// A request that never got a connection is provably not sent; the context's cause is told.
func TestReachWithoutAConnection(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	tr := NewCall(context.Background(), time.Second)
	if tr.Reach() != NotAttempted {
		t.Fatal("fresh transport")
	}
	if _, err := (&http.Client{Transport: tr}).Get("http://" + addr); err == nil {
		t.Fatal("a closed port answered")
	}
	if tr.Reach() != NoConnection {
		t.Errorf("refused: reach %v", tr.Reach())
	}

	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("interrupted by SIGINT"))
	tr = NewCall(ctx, time.Second)
	_, err := (&http.Client{Transport: tr}).Get("http://" + addr)
	if err == nil || !strings.Contains(err.Error(), "interrupted by SIGINT") || tr.Reach() != NoConnection {
		t.Errorf("cancelled: %v, reach %v", err, tr.Reach())
	}
}

// A redirect is never followed: the order would be sent again, somewhere unchecked.
func TestRedirectIsNotFollowed(t *testing.T) {
	var posts int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posts++
		http.Redirect(w, r, "/again", http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	tr := NewCall(context.Background(), time.Second)
	_, err := (&http.Client{Transport: tr}).Post(srv.URL, "application/json", strings.NewReader(`{}`))
	if !errors.Is(err, ErrRedirect) || posts != 1 || tr.Reach() != MaybeSent {
		t.Errorf("err %v, posts %d, reach %v", err, posts, tr.Reach())
	}
}
