package org.ronghe.tenancy;

/**
 * The county a request works in: the signed-in user's own county, or the deployment's default county
 * ({@link CountySettings#code()}) for anonymous visitors. Modules use it to scope every read and write to one
 * tenant; an administrator of one county never sees or changes another county's records.
 */
public interface CurrentCounty {

    /** @return 6-digit county code of the current request */
    String code();
}
