package io.tessera.org.api;

import io.tessera.platform.api.Page;
import java.util.List;
import java.util.Optional;

/**
 * Formats, stores and operators. Writes need HQ_ADMIN; reads show a store-level caller only
 * its own stores and their operators.
 */
public interface OrgService {

    BusinessFormat createFormat(BusinessFormat format);

    List<BusinessFormat> listFormats();

    Store createStore(StoreRequest request);

    Store updateStore(long id, StoreRequest request);

    Store getStore(long id);

    /** {@code formatCode} null for all formats. */
    List<Store> listStores(String formatCode);

    Operator createOperator(OperatorRequest request);

    Operator updateOperator(long id, OperatorRequest request);

    Operator getOperator(long id);

    /** One page of operators by employee no; {@code storeId} null for every store the caller may see. */
    Page<Operator> listOperators(Long storeId, int page, int size);

    /**
     * For other domains: the store the current caller acts in, by the request's {@code storeId} — given
     * (400 FIELD_REQUIRED), one the caller may act in (403), existing (404 STORE_NOT_FOUND) and open (422
     * STORE_CLOSED). The one rule for "a store this caller may act in, and open".
     */
    Store actingStore(Long storeId);

    /** For other domains: the store, regardless of the caller (no scope check), if it exists. */
    Optional<Store> findStore(long id);

    Optional<Store> findStoreByCode(String code);
}
