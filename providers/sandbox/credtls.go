package sandbox

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"sync"
	"time"
)

// The credential providers reach STS and IAM only over https, to their fixed host names
// (credentials-go: https://sts.aliyuncs.com). Pointed at the sandbox through a credential gate
// (providers/credgate), they must find a certificate for those names that they trust: the
// sandbox's own authority, made once per process, which a test or a sandbox session adds to the
// trusted roots (SSL_CERT_FILE = CredentialCAPEM()). Nothing outside this process trusts it.
var credCA struct {
	once sync.Once
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
	err  error

	mu     sync.Mutex
	leaves map[string]*tls.Certificate
}

func initCredCA() {
	credCA.once.Do(func() {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			credCA.err = err
			return
		}
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "sandbox credential services"},
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour), IsCA: true,
			KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature, BasicConstraintsValid: true}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			credCA.err = err
			return
		}
		credCA.cert, _ = x509.ParseCertificate(der)
		credCA.key = key
		credCA.pem = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
		credCA.leaves = map[string]*tls.Certificate{}
	})
}

// CredentialCAPEM is the sandbox's certificate authority for the credential services' host
// names, PEM-encoded.
func CredentialCAPEM() ([]byte, error) {
	initCredCA()
	return credCA.pem, credCA.err
}

// CredentialTLS is the server side of the credential services' TLS: a certificate for whatever
// host name the provider asks for, issued by the sandbox's authority.
func CredentialTLS() (*tls.Config, error) {
	initCredCA()
	if credCA.err != nil {
		return nil, credCA.err
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: func(h *tls.ClientHelloInfo) (*tls.Certificate, error) {
		return leafFor(h.ServerName)
	}}, nil
}

func leafFor(name string) (*tls.Certificate, error) {
	credCA.mu.Lock()
	defer credCA.mu.Unlock()
	if c, ok := credCA.leaves[name]; ok {
		return c, nil
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: name}, DNSNames: []string{name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, credCA.cert, &key.PublicKey, credCA.key)
	if err != nil {
		return nil, err
	}
	c := &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	credCA.leaves[name] = c
	return c, nil
}

// CredentialRoutes are the credential services' hosts pointed at the sandbox at base: STS
// (global and regional names), the ECS metadata service, the CloudSSO user portal, the OAuth sign-in service
// (both sites), and
// Huawei's IAM and metadata.
func CredentialRoutes(base string, alibabaRegions ...string) map[string]string {
	r := map[string]string{"sts.aliyuncs.com": base, "100.100.100.200": base, "169.254.169.254": base,
		"iam.myhuaweicloud.com": base, AlibabaCloudSSOSignInHost: base, "oauth.aliyun.com": base, "oauth.alibabacloud.com": base}
	for _, reg := range alibabaRegions {
		r["sts."+reg+".aliyuncs.com"] = base
		r["sts-vpc."+reg+".aliyuncs.com"] = base
	}
	return r
}
