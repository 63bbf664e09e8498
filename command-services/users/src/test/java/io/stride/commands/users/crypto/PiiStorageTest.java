package io.stride.commands.users.crypto;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stride.commands.users.Registrations;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackResource;

/** Personal data at rest, read straight from PostgreSQL: only ciphertexts and a blind index are stored. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
class PiiStorageTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Inject
    PiiCrypto crypto;

    private record Person(String id, String email, String firstName, String lastName) {
    }

    private static Person register() {
        String tag = UUID.randomUUID().toString().replace("-", "");
        String email = "pii-" + tag + "@example.com";
        String firstName = "First" + tag;
        String lastName = "Last" + tag;
        String id = Registrations.registerConfirmed(Map.of("email", email, "password", PASSWORD, "first_name",
                firstName, "last_name", lastName), null).toString();
        return new Person(id, email, firstName, lastName);
    }

    private static String accessToken(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .when()
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static Connection database() throws SQLException {
        Map<String, String> devstack = Devstack.addresses();
        return DriverManager.getConnection(devstack.get(Devstack.POSTGRES_JDBC_URL),
                devstack.get(Devstack.POSTGRES_USER), devstack.get(Devstack.POSTGRES_PASSWORD));
    }

    /** The user's row as PostgreSQL prints it, and every bytea column read as raw bytes (ISO-8859-1). */
    private static List<String> storedForms(String table, String idColumn, String id) throws SQLException {
        List<String> forms = new ArrayList<>();
        try (Connection connection = database();
                PreparedStatement query = connection.prepareStatement(
                        "select t::text, t.* from users." + table + " t where " + idColumn + " = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("row of %s", table).isTrue();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    if ("bytea".equals(row.getMetaData().getColumnTypeName(column))) {
                        byte[] bytes = row.getBytes(column);
                        forms.add(bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1));
                    } else {
                        forms.add(String.valueOf(row.getString(column)));
                    }
                }
            }
        }
        return forms;
    }

    private static byte[] column(String sql, String id) throws SQLException {
        try (Connection connection = database();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    private static int execute(String sql, String... ids) throws SQLException {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                statement.setObject(i + 1, UUID.fromString(ids[i]));
            }
            return statement.executeUpdate();
        }
    }

    @Test
    void shouldStoreNoClearEmailOrNameWhenRegistering() throws Exception {
        // given
        Person person = register();

        // when
        List<String> user = storedForms("users", "id", person.id());
        List<String> key = storedForms("data_keys", "user_id", person.id());

        // then
        for (String form : concat(user, key)) {
            assertThat(form.toLowerCase()).doesNotContain(person.email(), person.firstName().toLowerCase(),
                    person.lastName().toLowerCase(), person.email().substring(0, person.email().indexOf('@')));
        }
        assertThat(column("select email_index from users.users where id = ?", person.id()))
                .isEqualTo(crypto.emailIndex(person.email()));
    }

    @Test
    void shouldLogInByEmailWhenOnlyItsBlindIndexIsStored() {
        // given
        Person person = register();

        // when
        String token = accessToken("  " + person.email().toUpperCase() + " ");

        // then
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/users/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(person.email()))
                .body("first_name", equalTo(person.firstName()))
                .body("last_name", equalTo(person.lastName()));
    }

    @Test
    void shouldRefuseToDecryptWhenCiphertextsAreSwappedBetweenUsers() throws Exception {
        // given
        Person ann = register();
        Person bob = register();
        String annsToken = accessToken(ann.email());

        // when: someone with write access to the table copies Bob's email ciphertext into Ann's row
        assertThat(execute("update users.users set email_encrypted = (select email_encrypted from users.users "
                + "where id = ?) where id = ?", bob.id(), ann.id())).isEqualTo(1);

        // then
        String body = given().header("Authorization", "Bearer " + annsToken)
                .when()
                .get("/api/v1/users/me")
                .then()
                .statusCode(500)
                .body("error", equalTo("internal_error"))
                .extract()
                .asString();
        assertThat(body).doesNotContain(bob.email());
    }

    @Test
    void shouldNotDecryptAnyLongerWhenDataKeyIsShredded() throws Exception {
        // given
        Person person = register();
        Person other = register();
        String token = accessToken(person.email());
        byte[] ciphertext = column("select email_encrypted from users.users where id = ?", person.id());
        byte[] wrappedKey = column("select wrapped_key from users.data_keys where user_id = ?", person.id());
        assertThat(crypto.open(UUID.fromString(person.id()), wrappedKey).decrypt(PiiField.EMAIL, ciphertext))
                .isEqualTo(person.email());

        // when
        assertThat(execute("delete from users.data_keys where user_id = ?", person.id())).isEqualTo(1);

        // then: the ciphertext is still in the row, but no key left in the database opens it
        assertThat(column("select wrapped_key from users.data_keys where user_id = ?", person.id())).isNull();
        byte[] othersKey = column("select wrapped_key from users.data_keys where user_id = ?", other.id());
        assertThatThrownBy(() -> crypto.open(UUID.fromString(person.id()), othersKey))
                .isInstanceOf(DataKeyUnavailable.class);
        DataKey othersOpenKey = crypto.open(UUID.fromString(other.id()), othersKey);
        assertThatThrownBy(() -> othersOpenKey.decrypt(PiiField.EMAIL, ciphertext))
                .isInstanceOf(DataKeyUnavailable.class);
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/v1/users/me")
                .then()
                .statusCode(404);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
