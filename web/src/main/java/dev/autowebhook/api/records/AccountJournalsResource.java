package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.AccountJournal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** AccountJournal records at /api/v1/account-journals. */
@RequestScoped
@Path("account-journals")
@Tag(name = "Business records")
public class AccountJournalsResource extends RecordsResource<AccountJournal> {

  public AccountJournalsResource() {
    super(AccountJournal.class);
  }
}
