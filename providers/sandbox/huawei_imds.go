package sandbox

import (
	"net/http"
	"strings"
	"time"
)

// HuaweiECSAgency is the agency the sandbox's Huawei ECS instance has (published, not secret).
const HuaweiECSAgency = "ecs-order-agency"

// huaweiIMDSEmulation is the Huawei ECS metadata service's token and security-key paths.
var huaweiIMDSEmulation = emulation{name: "huawei/ecs-metadata", routes: []route{
	metadataRoute(http.MethodPut, "/meta-data/latest/api/token", (*Server).huaweiIMDS),
	metadataRoute(http.MethodGet, "/openstack/latest/securitykey", (*Server).huaweiIMDS),
}}

// huaweiMetadataTokens is the Huawei ECS metadata service's token protocol.
var huaweiMetadataTokens = metadataTokens{path: "/meta-data/latest/api/token", ttlHeader: "X-Metadata-Token-Ttl-Seconds",
	header: "X-Metadata-Token", prefix: "HwMetaSandbox", sep: " "}

// huaweiIMDS answers the Huawei ECS metadata service as an instance with an agency would
// (https://support.huaweicloud.com/intl/en-us/usermanual-ecs/ecs_03_0166.html): a token from
// PUT /meta-data/latest/api/token (X-Metadata-Token-Ttl-Seconds), and the agency's temporary
// AK/SK with its security token from GET /openstack/latest/securitykey, which needs a valid
// X-Metadata-Token.
func (s *Server) huaweiIMDS(w http.ResponseWriter, r *http.Request) {
	if !s.metadataStart(huaweiMetadataTokens, w, r) {
		return
	}
	if !s.metadataTokenLive(r.Header.Get(huaweiMetadataTokens.header)) {
		plainText(w, http.StatusUnauthorized, "401 Unauthorized: the metadata token is missing or not valid")
		return
	}
	ak := "HST" + strings.ToUpper(randomHex(8))
	k := &temporaryKey{secret: "SandboxAgency" + randomHex(12), token: "gQpjbi1ub3J0aC00Agency" + randomHex(24),
		expires: s.now().Add(time.Hour), arn: "agency:" + HuaweiECSAgency}
	s.creds.mu.Lock()
	s.creds.init()
	s.creds.huawei[ak] = k
	s.creds.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"credential": map[string]string{"access": ak, "secret": k.secret,
		"securitytoken": k.token, "expires_at": k.expires.UTC().Format("2006-01-02T15:04:05.000000Z")}})
}
