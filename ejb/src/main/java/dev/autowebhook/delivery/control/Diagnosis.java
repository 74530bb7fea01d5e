package dev.autowebhook.delivery.control;

/**
 * Turns the result of a Test Connection into a sentence an admin can act on: what went wrong
 * (authentication, path, timeout, TLS, DNS, refused connection…) and what to check.
 */
public final class Diagnosis {

  private Diagnosis() {}

  public static String of(AttemptResult r, Target t) {
    Integer code = r.statusCode();
    if (code != null) {
      return ofStatus(code, t);
    }
    if (r.succeeded()) {
      return "OK: the broker accepted the test message on " + t.jmsDestination() + ".";
    }
    String e = r.errorClass() == null ? "" : r.errorClass();
    String detail = r.errorMessage() == null ? "" : " (" + r.errorMessage() + ")";
    return switch (e) {
      case "Timeout" -> "Timeout: the endpoint accepted the connection but did not answer within "
          + t.timeoutSeconds() + " s. Check that it answers quickly (queue the work and reply 2xx)"
          + " or raise timeout_seconds.";
      case "ConnectTimeout" -> "Connection timeout: no connection (TCP, then TLS for https) could"
          + " be opened in time. Check the host, the port (and that it speaks https if the URL"
          + " says so) and any firewall between this server and the endpoint.";
      case "ConnectionRefused" -> "Connection refused: nothing is listening at that host and port."
          + " Check the port in endpoint_url and that the receiver is running.";
      case "DnsError" -> "DNS: the host name does not resolve. Check the spelling of the host in"
          + " endpoint_url." + detail;
      case "TlsError" -> "TLS: the secure connection failed (untrusted or expired certificate,"
          + " or a host name mismatch)" + detail + ". Fix the endpoint's certificate, or set"
          + " verify_tls to false only for a test endpoint.";
      case "DestinationRefused" -> "Refused by the outbound guard: " + r.errorMessage()
          + ". Private, loopback and link-local targets must be allowed in"
          + " AUTOWEBHOOK_ALLOWED_TARGETS.";
      case "InvalidUrl" -> "The endpoint URL is not valid" + detail + ".";
      case "InvalidRequest" -> "The request could not be built: a header value is not allowed"
          + detail + ". Check custom_headers and the credentials.";
      case "JmsNotConfigured" -> "JMS is not configured on this server: " + r.errorMessage();
      case "JmsError" -> "JMS: the broker did not take the message (" + r.errorMessage()
          + "). Check that the broker runs and the destination exists and may be written.";
      case "InvalidDestination" -> "The JMS destination is not valid: " + r.errorMessage();
      default -> "The connection failed: " + r.summary() + ".";
    };
  }

  static String ofStatus(int code, Target t) {
    if (code >= 200 && code < 300) {
      return "OK: the endpoint accepted the signed test event (HTTP " + code + ").";
    }
    if (code == 401 || code == 403) {
      return "Authentication rejected (HTTP " + code + "): the endpoint did not accept our"
          + " credentials. Check auth_type (now " + authName(t) + ") and the token, key or"
          + " password; some receivers also check the webhook signature with the signing secret.";
    }
    if (code == 404) {
      return "Not found (HTTP 404): the host answered but has nothing at this path. Check the"
          + " path in endpoint_url.";
    }
    if (code == 405) {
      return "Method not allowed (HTTP 405): the URL exists but does not accept POST. Check that"
          + " endpoint_url is the webhook receiver, not a page.";
    }
    if (code == 408 || code == 504) {
      return "The endpoint (or a gateway in front of it) timed out (HTTP " + code + ").";
    }
    if (code == 413) {
      return "Payload too large (HTTP 413): the receiver limits the body size.";
    }
    if (code == 429) {
      return "Rate limited (HTTP 429): the receiver asks us to slow down; set rate_limit on this"
          + " subscriber. Deliveries honour Retry-After.";
    }
    if (code >= 300 && code < 400) {
      return "Redirect (HTTP " + code + "): redirects are not followed. Use the final URL as"
          + " endpoint_url.";
    }
    if (code >= 500) {
      return "Server error at the endpoint (HTTP " + code + "): the receiver failed while"
          + " handling the request. Check its logs; deliveries will be retried.";
    }
    return "The endpoint answered HTTP " + code + ", which counts as a failure (only 2xx is"
        + " success).";
  }

  private static String authName(Target t) {
    String auth = t.headers().containsKey("Authorization")
        ? t.headers().get("Authorization").split(" ", 2)[0].toLowerCase() : "none or api_key";
    return auth;
  }
}
