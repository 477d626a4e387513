package com.example.testapi.api;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.example.testapi.caller.Caller;
import com.example.testapi.caller.CurrentCaller;
import com.example.testapi.caller.Permissions;
import com.example.testapi.items.Item;
import com.example.testapi.items.ItemIds;
import com.example.testapi.items.ItemStore;
import com.example.testapi.items.Page;
import com.example.testapi.items.SaveResult;

/** GET /test lists items, POST /test stores one. Who may call which is decided before these methods run. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public class TestResource {

    /** Larger bodies are refused with 413 before they are parsed. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final String ALLOWED_METHODS = "GET, POST";

    private final ItemStore store;
    private final ItemIds ids;
    private final NewItemRequest newItemRequest;
    private final CurrentCaller currentCaller;

    TestResource(ItemStore store, ItemIds ids, NewItemRequest newItemRequest,
            CurrentCaller currentCaller) {
        this.store = store;
        this.ids = ids;
        this.newItemRequest = newItemRequest;
        this.currentCaller = currentCaller;
    }

    @GET
    @RolesAllowed(Permissions.READ)
    public ListResponse list(@QueryParam("limit") String limit, @QueryParam("nextToken") String nextToken) {
        int size = QueryLimit.parse(limit);
        Page page = store.list(size, PageToken.decode(nextToken));
        return ListResponse.of(caller().identity(),
                page.items().stream().map(ItemView::of).toList(),
                page.lastId().map(PageToken::encode).orElse(null));
    }

    @POST
    @RolesAllowed(Permissions.WRITE)
    public Response create(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        JsonContentType.require(contentType);
        if (body.length > MAX_BODY_BYTES) {
            throw new ContractViolationException(413, "payload_too_large",
                    "The body is " + body.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted.");
        }
        String message = newItemRequest.message(body);
        Caller caller = caller();
        Optional<String> key = IdempotencyKey.scoped(idempotencyKey, caller);
        String id = ids.next();
        SaveResult saved = store.save(new Item(id, message, ItemIds.createdAt(id), caller.identity()), key);
        return Response.status(saved.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .header(REPLAYED_HEADER, saved.replayed() ? "true" : null)
                .entity(ItemView.of(saved.item()))
                .build();
    }

    /** Present whenever a permission was granted: {@code RolePermissions} grants them only to a parsed caller. */
    private Caller caller() {
        return currentCaller.get().orElseThrow(() -> new IllegalStateException("permission without a caller"));
    }
}
