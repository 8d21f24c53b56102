package sandbox

import (
	"sync"
	"time"
)

// nonceBook remembers the signature nonces it has seen, per access key, for as long as a
// request carrying one could still pass the date check (twice the allowed skew), so a replay
// of the same signed request is refused with SignatureNonceUsed.
type nonceBook struct {
	mu   sync.Mutex
	seen map[string]time.Time
}

// first records nonce for ak and reports whether it had not been seen.
func (b *nonceBook) first(ak, nonce string, now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.seen == nil {
		b.seen = map[string]time.Time{}
	}
	if len(b.seen) > 4096 {
		for k, at := range b.seen {
			if now.Sub(at) > 2*maxSkew {
				delete(b.seen, k)
			}
		}
	}
	key := ak + "\x00" + nonce
	if at, ok := b.seen[key]; ok && now.Sub(at) <= 2*maxSkew {
		return false
	}
	b.seen[key] = now
	return true
}
