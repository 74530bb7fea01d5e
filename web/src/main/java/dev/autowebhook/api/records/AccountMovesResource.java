package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.AccountMove;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** AccountMove records at /api/v1/account-moves. */
@RequestScoped
@Path("account-moves")
@Tag(name = "Business records")
public class AccountMovesResource extends RecordsResource<AccountMove> {

  public AccountMovesResource() {
    super(AccountMove.class);
  }
}
