package dev.autowebhook.api.records;

import dev.autowebhook.records.entity.AccountPayment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** AccountPayment records at /api/v1/account-payments. */
@RequestScoped
@Path("account-payments")
@Tag(name = "Business records")
public class AccountPaymentsResource extends RecordsResource<AccountPayment> {

  public AccountPaymentsResource() {
    super(AccountPayment.class);
  }
}
