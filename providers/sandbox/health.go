package sandbox

// HealthService is what GET /_sandbox/health names itself: a tool pointed at an endpoint that
// answers with it knows orders go to this emulator, not to a cloud (providers/cloud/probe.go).
const HealthService = "cloudorder-sandbox"

// Health is the identity probe's answer: {"status":"ok","service":"cloudorder-sandbox"}. Every
// value is a string, so a script may read it as a flat string map.
func Health() map[string]string {
	return map[string]string{"status": "ok", "service": HealthService}
}
