package dev.autowebhook.api.payload;

import dev.autowebhook.payload.boundary.PayloadTemplates;

/** A rendered preview: the text, whether it is valid JSON, and the parser's message if not. */
public record PreviewOut(String output, boolean validJson, String jsonError) {

  public static PreviewOut of(PayloadTemplates.Preview p) {
    return new PreviewOut(p.output(), p.validJson(), p.jsonError());
  }
}
