package io.secureflows.benchmark.baseline;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET} and {@code PUT /rows/{id}}: read and replace one row's document. */
@Path("rows/{id}")
@RequestScoped
public class BaselineRowResource {
  @PersistenceContext(unitName = "baseline")
  EntityManager em;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String read(@PathParam("id") long id) {
    return row(id).body();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public void replace(@PathParam("id") long id, String body) {
    row(id).replaceBody(body);
  }

  private BaselineRow row(long id) {
    BaselineRow row = em.find(BaselineRow.class, id);
    if (row == null) {
      throw new NotFoundException();
    }
    return row;
  }
}
